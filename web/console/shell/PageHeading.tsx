import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ConsoleLink } from './ConsoleLink';

/**
 * The top of a page's first card: a link back to the list it came from, the title with its
 * tags, a line of explanation under it, and the page's actions on the right (they wrap under
 * the title on a narrow screen).
 */
export function PageHeading(props: {
  title: ReactNode;
  /** A line under the title. */
  intro?: ReactNode;
  /** Tags beside the title: a status, a severity. */
  tags?: ReactNode;
  /** The list the page was opened from, linked above the title. */
  back?: { href: string; label: string; testId?: string };
  /** Buttons (or other tools) on the right. */
  actions?: ReactNode;
  titleTestId?: string;
  className?: string;
}): ReactNode {
  const title = (
    <Typography.Title level={3} className="page-title" data-testid={props.titleTestId}>
      {props.title}
    </Typography.Title>
  );
  return (
    <div className={props.className ? `page-heading ${props.className}` : 'page-heading'}>
      <div>
        {props.back ? (
          <ConsoleLink href={props.back.href} className="back-link" testId={props.back.testId}>
            {`← ${props.back.label}`}
          </ConsoleLink>
        ) : null}
        {props.tags ? (
          <Space size={10} wrap align="center" className="page-title-row">
            {title}
            {props.tags}
          </Space>
        ) : (
          title
        )}
        {props.intro ? <Typography.Text type="secondary">{props.intro}</Typography.Text> : null}
      </div>
      {props.actions}
    </div>
  );
}
