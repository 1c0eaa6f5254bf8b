/**
 * electron-updater's HTTP client with Node's http in place of Electron's net: `download` is
 * ElectronHttpExecutor.download line for line, so the transfer and its sha512 check are
 * builder-util-runtime's own (HttpExecutor.doDownload), as in the app.
 */
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import type { RequestOptions } from 'node:http';

/** Node's http with electron-updater's download. */
export class NodeUpdateExecutor extends NodeHttpExecutor {
  /** Downloads `url` to `destination`, checking the sha512 the feed gave. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers || undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}
