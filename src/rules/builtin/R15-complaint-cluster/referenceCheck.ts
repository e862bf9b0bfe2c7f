import { dayNumber } from '../../../demo/calendar.js';
import type { DemoComplaint } from '../../../demo/demoCounty.js';
import { groupBy, type ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R15 read plainly: three complaints or more within 90 days naming one official, or about one
 * village and topic.
 */
export const R15ReferenceCheck: ReferenceCheck = (county, hit) => {
  const clusters = (
    key: (c: DemoComplaint) => string,
    subject: (c: DemoComplaint) => string,
  ): void => {
    for (const [k, list] of groupBy(county.complaints, key)) {
      if (k === '') continue;
      const days = list.map((c) => dayNumber(c.received_date)).sort((a, b) => a - b);
      for (let i = 0; i + 2 < days.length; i += 1)
        if (days[i + 2]! - days[i]! <= 90) {
          hit(subject(list[0]!), null);
          break;
        }
    }
  };
  clusters(
    (c) => c.official_id_number,
    (c) => c.official_id_number,
  );
  clusters(
    (c) => `${c.village_code}|${c.topic}`,
    (c) => c.village_code,
  );
};
