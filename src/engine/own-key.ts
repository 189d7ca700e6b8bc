/**
 * Setting a key a caller chose (a tag key, an IdP attribute) on a plain object. `obj[key] = value`
 * with the key `__proto__` would set the object's prototype instead and the tag would vanish, so a
 * policy on aws:TagKeys or aws:RequestTag/… would not see it: AWS accepts `__proto__` as a tag key
 * (it fits the key pattern), so the simulator must keep it like any other.
 */
export function setOwn(obj: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
