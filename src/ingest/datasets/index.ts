import type { DatasetDefinition, DatasetKey } from '../datasetDefinition.js';
import { approvals } from './approvals.js';
import { businesses } from './businesses.js';
import { deaths } from './deaths.js';
import { disabilities } from './disabilities.js';
import { disbursements } from './disbursements.js';
import { officials } from './officials.js';
import { payroll } from './payroll.js';
import { programs } from './programs.js';
import { properties } from './properties.js';
import { relations } from './relations.js';
import { residents } from './residents.js';
import { vehicles } from './vehicles.js';

/** Every import template (docs/reference/datasets.md), by key. */
export const datasets: Record<DatasetKey, DatasetDefinition> = {
  residents,
  officials,
  relations,
  programs,
  disbursements,
  deaths,
  payroll,
  vehicles,
  properties,
  businesses,
  disabilities,
  approvals,
};
