/** Validation against human coding: agreement statistics and the agreement report. */
export { pearson, spearman, ranks, confusion, cohenKappa, krippendorffAlpha, f1Scores, macroF1, labelsOf } from './stats';
export type { AlphaLevel } from './stats';
export { agreement, parseCoded, AGREEMENT_HEADERS, CONFUSION_HEADERS, agreementFiles } from './agreement';
export type { CodedRow, AgreementRow, AgreementReport } from './agreement';
