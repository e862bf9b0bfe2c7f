import { Button } from 'antd';
import type { ReactNode } from 'react';
import { isPlainClick, navigate } from '../../components/router';

/** A link inside the console: a plain click goes through the router, others open a tab. */
export function ConsoleLink(props: {
  href: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}): ReactNode {
  return (
    <a
      href={props.href}
      className={props.className}
      data-testid={props.testId}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

/** The same, looking like a button. */
export function LinkButton(props: {
  href: string;
  children: ReactNode;
  type?: 'primary' | 'default' | 'link';
  testId?: string;
}): ReactNode {
  return (
    <Button
      type={props.type ?? 'default'}
      href={props.href}
      data-testid={props.testId}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </Button>
  );
}
