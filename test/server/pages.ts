import { escapeHtml as e } from './http-utils';

const layout = (title: string, body: string): string =>
  `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)} - ProcessMaker</title></head>
<body>
<main class="container">
${body}
</main>
</body>
</html>`;

/** ProcessMaker's login form (username and password, CSRF token). */
export function loginPage(csrf: string, error: string | null): string {
  return layout(
    'Login',
    `<h1>ProcessMaker</h1>
${error === null ? '' : `<div class="alert alert-danger" role="alert">${e(error)}</div>`}
<form method="POST" action="/login" name="login">
  <input type="hidden" name="_token" value="${e(csrf)}">
  <label for="username">Username</label>
  <input id="username" type="text" name="username" autocomplete="username" required autofocus>
  <label for="password">Password</label>
  <input id="password" type="password" name="password" autocomplete="current-password" required>
  <button type="submit" name="login" class="btn btn-primary">Log In</button>
</form>`,
  );
}

/** What the consent page shows and posts back. */
export interface ConsentView {
  csrf: string;
  clientName: string;
  clientId: number;
  state: string | null;
  authToken: string;
  scopes: string[];
}

/** Passport's authorize.blade.php: Authorize (POST) and Cancel (DELETE via _method) forms. */
export function consentPage(v: ConsentView): string {
  const fields = `<input type="hidden" name="_token" value="${e(v.csrf)}">
    <input type="hidden" name="state" value="${e(v.state ?? '')}">
    <input type="hidden" name="client_id" value="${v.clientId}">
    <input type="hidden" name="auth_token" value="${e(v.authToken)}">`;
  const scopes =
    v.scopes.length === 0
      ? ''
      : `<p><strong>This application will be able to:</strong></p><ul>${v.scopes.map((s) => `<li>${e(s)}</li>`).join('')}</ul>`;
  return layout(
    'Authorization Request',
    `<h1>Authorization Request</h1>
<p><strong>${e(v.clientName)}</strong> is requesting permission to access your account.</p>
${scopes}
<div class="buttons">
  <form method="post" action="/oauth/authorize" name="approve">
    ${fields}
    <button type="submit" class="btn btn-success btn-approve">Authorize</button>
  </form>
  <form method="post" action="/oauth/authorize" name="deny">
    <input type="hidden" name="_method" value="DELETE">
    ${fields}
    <button type="submit" class="btn btn-danger">Cancel</button>
  </form>
</div>`,
  );
}

/** The landing page after login when nothing was intended. */
export function homePage(fullname: string): string {
  return layout(
    'Home',
    `<h1>Welcome, ${e(fullname)}</h1><p>You are signed in to ProcessMaker.</p><form method="POST" action="/logout"><button type="submit">Log Out</button></form>`,
  );
}
