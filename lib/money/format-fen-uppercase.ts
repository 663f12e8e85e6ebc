const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES_IN_GROUP = ['', '拾', '佰', '仟'] as const;
const GROUP_UNITS = ['', '万', '亿', '万亿'] as const;

/** 0–9999 as 大写; leading zeros are the caller's business because only it knows if a higher group came first. */
function groupText(value: number): string {
  let text = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.trunc(value / 10 ** place) % 10;
    if (digit === 0) {
      zeroPending = text !== '';
      continue;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    text += DIGITS[digit] + PLACES_IN_GROUP[place];
  }
  return text;
}

function yuanText(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.trunc(rest / 10_000)) groups.push(rest % 10_000);

  let text = '';
  let zeroPending = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    if (group === 0) {
      zeroPending = text !== '';
      continue;
    }
    // A gap of zeros before this group (a whole empty group, or its own missing 仟) is read as one 零.
    if (text !== '' && (zeroPending || group < 1000)) text += '零';
    zeroPending = false;
    text += groupText(group) + GROUP_UNITS[index];
  }
  return text;
}

/**
 * 人民币大写 as written on cheques and policies (中国人民银行《支付结算办法》附件): 壹拾 is written out,
 * each run of zeros inside the number is one 零, 元 is followed by 整 when there are no 角 and 分, and
 * by 零 before the 角 or 分 when the 元 digit or the 角 is zero (1680.32 → 壹仟陆佰捌拾元零叁角贰分,
 * 325.04 → 叁佰贰拾伍元零肆分); nothing follows 角 or 分.
 */
export function formatFenUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  // Every amount on a policy is a guarantee or a premium; a negative one is a bug upstream, not a 负 amount.
  if (fen < 0) throw new RangeError(`negative amount of fen: ${fen}`);

  const yuan = Math.trunc(fen / 100);
  const jiao = Math.trunc(fen / 10) % 10;
  const cents = fen % 10;

  if (yuan === 0 && jiao === 0 && cents === 0) return '零元整';

  let text = yuan > 0 ? `${yuanText(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${text}整`;

  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) text += '零';
    text += `${DIGITS[jiao]}角`;
  } else if (yuan > 0) {
    text += '零';
  }
  if (cents > 0) text += `${DIGITS[cents]}分`;
  return text;
}
