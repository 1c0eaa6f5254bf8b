/** Types of eslint/layers.mjs, for the tests that check its rules. */
export declare const LAYERS: Record<string, string[]>;
export declare const NODE_FREE: string[];
export declare function resolveSpecifier(file: string, spec: string): string | null;
export declare function importProblem(absoluteFile: string, spec: string): string | null;
export declare const layersPlugin: { rules: Record<string, unknown> };
