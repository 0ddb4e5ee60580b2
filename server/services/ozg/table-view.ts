import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import type { OzgTableParams } from "../../schemas/ozg-params";
import { ozgFilterOptions, type OzgFilterOptions } from "./filter-options";
import { listOzgServices, type OzgServicePage } from "./list-services";

export interface OzgTableView extends OzgServicePage {
  options: OzgFilterOptions;
  /** every service of the catalogue, for "123 von 557 Leistungen" */
  catalogueTotal: number;
}

/** What the table page shows: the page of matches, the filters' choices and the catalogue's size. */
export async function ozgTableView(actor: Actor | null, params: OzgTableParams): Promise<OzgTableView> {
  const list = await listOzgServices(actor, params);
  const [options, catalogueTotal] = await Promise.all([ozgFilterOptions(actor), db().ozgService.count()]);
  return { ...list, options, catalogueTotal };
}
