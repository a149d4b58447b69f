import { loadSpecs } from '../contract/openapi-document';

/**
 * The example body Cisco's spec gives for an operation's response (path as in the spec, without /v1).
 * Used to stand up a server that answers exactly as the spec describes.
 */
export function specExample(method: string, specPath: string, status = '200'): unknown {
  for (const { document } of loadSpecs()) {
    const operation = document.paths[specPath]?.[method.toLowerCase() as 'get'];
    const response = operation?.responses?.[status] as { content?: Record<string, { example?: unknown }> } | undefined;
    for (const media of Object.values(response?.content ?? {})) {
      if (media.example !== undefined) return media.example;
    }
  }
  throw new Error(`Cisco's spec has no example for ${method} ${specPath} ${status}`);
}
