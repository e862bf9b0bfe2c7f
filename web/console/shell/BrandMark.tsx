import type { ReactNode } from 'react';

/** The product mark: the character 监 on a seal-red square. */
export function BrandMark(props: { size?: number }): ReactNode {
  const size = props.size ?? 32;
  return (
    <span
      className="brand-mark"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.6) }}
    >
      监
    </span>
  );
}
