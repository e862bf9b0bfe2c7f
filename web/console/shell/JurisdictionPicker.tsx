import { useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { DivisionSummary } from '../../../src/api/me';
import { divisionsQuery } from './queries';

interface DivisionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: DivisionOption[];
}

const villageLevel = 5;

function withChildren(
  options: DivisionOption[],
  code: string,
  children: DivisionOption[],
): DivisionOption[] {
  return options.map((option) => {
    if (option.value === code) {
      return children.length > 0 ? { ...option, children } : { ...option, isLeaf: true };
    }
    return option.children
      ? { ...option, children: withChildren(option.children, code, children) }
      : option;
  });
}

/**
 * Picks a division at or below the user's own jurisdiction, loading each level from
 * `/api/divisions?parent=` as it is opened (each level once a session). Any level may be
 * chosen; the value is the path of codes, the last one being the choice.
 */
export function JurisdictionPicker(props: {
  root: DivisionSummary;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}): ReactNode {
  const { root } = props;
  const queryClient = useQueryClient();
  const [options, setOptions] = useState<DivisionOption[]>(() => [
    { value: root.code, label: root.name, isLeaf: root.level >= villageLevel },
  ]);

  function loadData(selected: DivisionOption[]): void {
    const target = selected[selected.length - 1];
    if (!target) return;
    queryClient
      .query(divisionsQuery(target.value))
      .then((divisions) => {
        const children = divisions.map((d) => ({
          value: d.code,
          label: d.name,
          isLeaf: d.level >= villageLevel,
        }));
        setOptions((previous) => withChildren(previous, target.value, children));
      })
      // A failure is reported with the page's others (useReportQueryErrors).
      .catch(() => undefined);
  }

  return (
    <Cascader<DivisionOption>
      id={props.id}
      options={options}
      loadData={loadData}
      changeOnSelect
      allowClear={false}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      displayRender={(labels) => labels.join(' / ')}
      data-testid="user-jurisdiction"
    />
  );
}
