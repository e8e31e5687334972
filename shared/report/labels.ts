/**
 * Every printed label of the official report formats, keyed once.
 *
 * Sources: 国办公开办函〔2021〕30号 (format "2021") and 〔2019〕60号 (format "2019"); keys are the public
 * contract of `docs/spec/report-model.md`. Parsers match rows by `keywords`, pages and findings print
 * `label`, so no label string is typed anywhere else.
 */

export interface ColumnLabel<K extends string = string> {
  readonly key: K;
  /** The printed header, as in the template. */
  readonly label: string;
  /** The header group above it, when the template merges headers (e.g. 法人或其他组织). */
  readonly group?: string;
}

export interface RowLabel<K extends string = string> {
  readonly key: K;
  /** The leaf label as printed in the template. */
  readonly label: string;
  /** Group labels above the leaf, outermost first (e.g. 三、本年度办理结果 › （三）不予公开). */
  readonly groups: readonly string[];
  /**
   * Distinctive fragments a real report's label contains (after width normalisation). A row matches
   * when every fragment of one alternative is present; alternatives are tried in order.
   */
  readonly keywords: readonly (readonly string[])[];
}

/** Table names as printed in findings: 表二 / 表三 / 表四 follow the part numbers of the report. */
export const TABLE_LABELS = {
  proactiveDisclosure: { short: '表二', title: '主动公开政府信息情况' },
  applications: { short: '表三', title: '收到和处理政府信息公开申请情况' },
  reviewsAndLawsuits: { short: '表四', title: '政府信息公开行政复议、行政诉讼情况' },
} as const;
export type TableKey = keyof typeof TABLE_LABELS;

/** The six parts of the report, with the keywords that identify their headings in real reports. */
export const PART_LABELS = [
  { numeral: '一', title: '总体情况', textKey: 'overview', keywords: ['总体情况'] },
  { numeral: '二', title: '主动公开政府信息情况', textKey: null, keywords: ['主动公开'] },
  {
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    textKey: null,
    keywords: ['申请情况', '依申请'],
  },
  {
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    textKey: null,
    keywords: ['复议', '诉讼'],
  },
  {
    numeral: '五',
    title: '存在的主要问题及改进情况',
    textKey: 'problemsAndImprovements',
    keywords: ['问题'],
  },
  { numeral: '六', title: '其他需要报告的事项', textKey: 'otherMatters', keywords: ['其他', '事项'] },
] as const;

/** The text parts of the model, with how findings name them. */
export const TEXT_PART_LABELS = {
  preamble: '前言',
  overview: '一、总体情况',
  problemsAndImprovements: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const;
export type TextPartKey = keyof typeof TEXT_PART_LABELS;

export { CHECK_GRADE_LABELS } from './check-grade-labels.ts';

// ── 二、主动公开政府信息情况 ────────────────────────────────────────────────────────────

/** Sub-table headers of section 2 (条例第二十条 items). */
export const ARTICLE_20_ITEMS = {
  item1: '第二十条第（一）项',
  item5: '第二十条第（五）项',
  item6: '第二十条第（六）项',
  item8: '第二十条第（八）项',
  item9: '第二十条第（九）项',
} as const;

export const PROACTIVE_2021_COLUMNS = {
  issued: { key: 'issued', label: '本年制发件数' },
  repealed: { key: 'repealed', label: '本年废止件数' },
  inForce: { key: 'inForce', label: '现行有效件数' },
  decisions: { key: 'decisions', label: '本年处理决定数量' },
  amountWanYuan: { key: 'amountWanYuan', label: '本年收费金额（单位：万元）' },
} as const satisfies Record<string, ColumnLabel>;

export interface ProactiveRowLabel extends RowLabel {
  readonly item: keyof typeof ARTICLE_20_ITEMS;
  readonly columns: readonly string[];
}

export const PROACTIVE_2021_ROWS = [
  {
    key: 'regulations',
    label: '规章',
    groups: [ARTICLE_20_ITEMS.item1],
    item: 'item1',
    keywords: [['规章']],
    columns: ['issued', 'repealed', 'inForce'],
  },
  {
    key: 'normativeDocuments',
    label: '行政规范性文件',
    groups: [ARTICLE_20_ITEMS.item1],
    item: 'item1',
    keywords: [['规范性文件']],
    columns: ['issued', 'repealed', 'inForce'],
  },
  {
    key: 'licensing',
    label: '行政许可',
    groups: [ARTICLE_20_ITEMS.item5],
    item: 'item5',
    keywords: [['许可']],
    columns: ['decisions'],
  },
  {
    key: 'penalty',
    label: '行政处罚',
    groups: [ARTICLE_20_ITEMS.item6],
    item: 'item6',
    keywords: [['处罚']],
    columns: ['decisions'],
  },
  {
    key: 'coercion',
    label: '行政强制',
    groups: [ARTICLE_20_ITEMS.item6],
    item: 'item6',
    keywords: [['强制']],
    columns: ['decisions'],
  },
  {
    key: 'adminFees',
    label: '行政事业性收费',
    groups: [ARTICLE_20_ITEMS.item8],
    item: 'item8',
    keywords: [['事业性收费'], ['收费']],
    columns: ['amountWanYuan'],
  },
] as const satisfies readonly ProactiveRowLabel[];

export const PROACTIVE_2019_COLUMNS = {
  newlyMade: { key: 'newlyMade', label: '本年新制作数量' },
  newlyPublished: { key: 'newlyPublished', label: '本年新公开数量' },
  totalPublished: { key: 'totalPublished', label: '对外公开总数量' },
  previousYearItems: { key: 'previousYearItems', label: '上一年项目数量' },
  change: { key: 'change', label: '本年增/减' },
  decisions: { key: 'decisions', label: '处理决定数量' },
  projects: { key: 'projects', label: '采购项目数量' },
  totalAmount: { key: 'totalAmount', label: '采购总金额' },
} as const satisfies Record<string, ColumnLabel>;

export const PROACTIVE_2019_ROWS = [
  {
    key: 'regulations',
    label: '规章',
    groups: [ARTICLE_20_ITEMS.item1],
    item: 'item1',
    keywords: [['规章']],
    columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
  },
  {
    key: 'normativeDocuments',
    label: '规范性文件',
    groups: [ARTICLE_20_ITEMS.item1],
    item: 'item1',
    keywords: [['规范性文件']],
    columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
  },
  {
    key: 'licensing',
    label: '行政许可',
    groups: [ARTICLE_20_ITEMS.item5],
    item: 'item5',
    keywords: [['许可']],
    columns: ['previousYearItems', 'change', 'decisions'],
  },
  {
    key: 'otherExternalServices',
    label: '其他对外管理服务事项',
    groups: [ARTICLE_20_ITEMS.item5],
    item: 'item5',
    keywords: [['对外管理'], ['管理服务']],
    columns: ['previousYearItems', 'change', 'decisions'],
  },
  {
    key: 'penalty',
    label: '行政处罚',
    groups: [ARTICLE_20_ITEMS.item6],
    item: 'item6',
    keywords: [['处罚']],
    columns: ['previousYearItems', 'change', 'decisions'],
  },
  {
    key: 'coercion',
    label: '行政强制',
    groups: [ARTICLE_20_ITEMS.item6],
    item: 'item6',
    keywords: [['强制']],
    columns: ['previousYearItems', 'change', 'decisions'],
  },
  {
    key: 'adminFees',
    label: '行政事业性收费',
    groups: [ARTICLE_20_ITEMS.item8],
    item: 'item8',
    keywords: [['事业性收费'], ['收费']],
    columns: ['previousYearItems', 'change'],
  },
  {
    key: 'procurement',
    label: '政府集中采购',
    groups: [ARTICLE_20_ITEMS.item9],
    item: 'item9',
    keywords: [['采购']],
    columns: ['projects', 'totalAmount'],
  },
] as const satisfies readonly ProactiveRowLabel[];

/** Cells that hold amounts (decimals allowed, H6) rather than counts (H5). */
export const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(['amountWanYuan', 'totalAmount']);
/** 2019 本年增/减 is signed: real reports print −11, −417. */
export const SIGNED_COLUMNS: ReadonlySet<string> = new Set(['change']);

// ── 三、收到和处理政府信息公开申请情况 ──────────────────────────────────────────────────

const LEGAL_PERSON = '法人或其他组织';

export const APPLICANT_COLUMNS = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercialEnterprise', label: '商业企业', group: LEGAL_PERSON },
  { key: 'researchInstitution', label: '科研机构', group: LEGAL_PERSON },
  { key: 'publicInterestOrg', label: '社会公益组织', group: LEGAL_PERSON },
  { key: 'legalServiceOrg', label: '法律服务机构', group: LEGAL_PERSON },
  { key: 'otherOrg', label: '其他', group: LEGAL_PERSON },
  { key: 'total', label: '总计' },
] as const satisfies readonly ColumnLabel[];
export type ApplicantColumnKey = (typeof APPLICANT_COLUMNS)[number]['key'];

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

/** Rows shared by both shapes, before （六）. */
const APPLICATION_ROWS_HEAD = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', groups: [], keywords: [['新收']] },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', groups: [], keywords: [['上年结转']] },
  { key: 'granted', label: '（一）予以公开', groups: [RESULTS], keywords: [['予以公开']] },
  {
    key: 'partiallyGranted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    groups: [RESULTS],
    keywords: [['部分公开']],
  },
  {
    key: 'deniedStateSecret',
    label: '1.属于国家秘密',
    groups: [RESULTS, DENIED],
    keywords: [['国家秘密']],
  },
  {
    key: 'deniedLawProhibited',
    label: '2.其他法律行政法规禁止公开',
    groups: [RESULTS, DENIED],
    keywords: [['禁止公开'], ['其他法律'], ['法规禁止'], ['行政止公开']],
  },
  {
    key: 'deniedThreeSecurityOneStability',
    label: '3.危及“三安全一稳定”',
    groups: [RESULTS, DENIED],
    keywords: [['三安全'], ['一稳定']],
  },
  {
    key: 'deniedThirdPartyRights',
    label: '4.保护第三方合法权益',
    groups: [RESULTS, DENIED],
    keywords: [['第三方']],
  },
  {
    key: 'deniedInternalAffairs',
    label: '5.属于三类内部事务信息',
    groups: [RESULTS, DENIED],
    keywords: [['内部事务']],
  },
  {
    key: 'deniedProcessInformation',
    label: '6.属于四类过程性信息',
    groups: [RESULTS, DENIED],
    keywords: [['过程性']],
  },
  {
    key: 'deniedEnforcementFile',
    label: '7.属于行政执法案卷',
    groups: [RESULTS, DENIED],
    keywords: [['执法案卷']],
  },
  {
    key: 'deniedAdministrativeQuery',
    label: '8.属于行政查询事项',
    groups: [RESULTS, DENIED],
    keywords: [['行政查询'], ['查询事项']],
  },
  {
    key: 'unableNotHeld',
    label: '1.本机关不掌握相关政府信息',
    groups: [RESULTS, UNABLE],
    keywords: [['不掌握']],
  },
  {
    key: 'unableNeedsCreation',
    label: '2.没有现成信息需要另行制作',
    groups: [RESULTS, UNABLE],
    keywords: [['另行制作'], ['没有现成']],
  },
  {
    key: 'unableUnclearAfterCorrection',
    label: '3.补正后申请内容仍不明确',
    groups: [RESULTS, UNABLE],
    keywords: [['补正后'], ['仍不明确']],
  },
  {
    key: 'notProcessedPetition',
    label: '1.信访举报投诉类申请',
    groups: [RESULTS, NOT_PROCESSED],
    keywords: [['信访'], ['举报投诉']],
  },
  {
    key: 'notProcessedDuplicate',
    label: '2.重复申请',
    groups: [RESULTS, NOT_PROCESSED],
    keywords: [['重复申请']],
  },
  {
    key: 'notProcessedPublication',
    label: '3.要求提供公开出版物',
    groups: [RESULTS, NOT_PROCESSED],
    keywords: [['出版物']],
  },
  {
    key: 'notProcessedMassRepeated',
    label: '4.无正当理由大量反复申请',
    groups: [RESULTS, NOT_PROCESSED],
    keywords: [['大量反复'], ['反复申请']],
  },
  {
    key: 'notProcessedConfirmation',
    label: '5.要求行政机关确认或重新出具已获取信息',
    groups: [RESULTS, NOT_PROCESSED],
    keywords: [['重新出具'], ['确认或']],
  },
] as const satisfies readonly RowLabel[];

const APPLICATION_ROWS_TAIL = [
  { key: 'totalProcessed', label: '（七）总计', groups: [RESULTS], keywords: [['总计']] },
  { key: 'carriedForward', label: '四、结转下年度继续办理', groups: [], keywords: [['结转下年']] },
] as const satisfies readonly RowLabel[];

/** The three （六） sub-rows of the 2021 format. */
const OTHER_PROCESSING_25 = [
  {
    key: 'otherOverdueCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    groups: [RESULTS, OTHER],
    keywords: [['逾期不补正'], ['不补正']],
  },
  {
    key: 'otherUnpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    groups: [RESULTS, OTHER],
    keywords: [['收费通知'], ['缴纳费用']],
  },
  { key: 'otherMisc', label: '3.其他', groups: [RESULTS, OTHER], keywords: [['3.其他'], ['其他']] },
] as const satisfies readonly RowLabel[];

/** The single （六） row of the 2019 format and of hybrid reports. */
const OTHER_PROCESSING_23 = [
  { key: 'otherProcessing', label: '（六）其他处理', groups: [RESULTS], keywords: [['其他处理'], ['（六）其他']] },
] as const satisfies readonly RowLabel[];

export const APPLICATION_ROWS_25 = [
  ...APPLICATION_ROWS_HEAD,
  ...OTHER_PROCESSING_25,
  ...APPLICATION_ROWS_TAIL,
] as const;
export const APPLICATION_ROWS_23 = [
  ...APPLICATION_ROWS_HEAD,
  ...OTHER_PROCESSING_23,
  ...APPLICATION_ROWS_TAIL,
] as const;
export type ApplicationRowKey = (typeof APPLICATION_ROWS_25 | typeof APPLICATION_ROWS_23)[number]['key'];

/** Result rows whose sum is （七）总计 (H2): everything between 二 and （七）. */
export const RESULT_ROW_KEYS_25 = APPLICATION_ROWS_25.slice(2, -2).map((r) => r.key);
export const RESULT_ROW_KEYS_23 = APPLICATION_ROWS_23.slice(2, -2).map((r) => r.key);

/** The note printed in the top-left header cell of table 3 (the 勾稽关系 of H1). */
export const APPLICATIONS_IDENTITY_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';

// ── 四、政府信息公开行政复议、行政诉讼情况 ─────────────────────────────────────────────

export const REVIEW_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'otherResult', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const satisfies readonly ColumnLabel[];
export type ReviewColumnKey = (typeof REVIEW_COLUMNS)[number]['key'];

const LITIGATION = '行政诉讼';
export const REVIEW_GROUPS = [
  { key: 'review', label: '行政复议', groups: [] },
  { key: 'litigationDirect', label: '未经复议直接起诉', groups: [LITIGATION] },
  { key: 'litigationAfterReview', label: '复议后起诉', groups: [LITIGATION] },
] as const;
export type ReviewGroupKey = (typeof REVIEW_GROUPS)[number]['key'];
