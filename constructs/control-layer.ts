/**
 * One declaration of a control's props: a construct's own props, a HipaaBaseline's org-wide props, or one
 * of its site overrides. Layers are resolved broadest first over the HIPAA-safe defaults, and `owner`
 * and `prefix` make the error messages: `<owner> <prefix><prop> must be ...`.
 */
export interface ControlLayer<P> {
  readonly owner: string;
  readonly prefix: string;
  readonly props: P;
}
