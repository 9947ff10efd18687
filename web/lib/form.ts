/**
 * The text of a named form control. Every form that calls this renders the control, so the
 * value is a string (a select's value is one of the options it offers); the server still
 * validates it and names the field when it refuses.
 */
export function field<T extends string = string>(form: FormData, name: string): T {
  return String(form.get(name) ?? "") as T;
}
