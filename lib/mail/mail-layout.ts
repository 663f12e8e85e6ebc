/** A notification mail as the templates write it; renderMail makes its plain text and its HTML alike. */
export interface MailContent {
  subject: string;
  /** 「新疆天山建设工程有限公司：」 */
  greeting: string;
  /** The news, one paragraph each. */
  paragraphs: string[];
  /** The facts, as label and value (订单号, 保费, …). */
  details: [label: string, value: string][];
  /** What to do now, one step each. */
  instructions?: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = '此邮件由电子保函服务平台自动发送，请勿直接回复。如有疑问，请登录平台查看订单或联系所在地区的平台运营人员。';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Plain text first (what every client shows), and a simple HTML of the same words: no images, no scripts, inline styles. */
export function renderMail(content: MailContent): RenderedMail {
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...content.details.map(([label, value]) => `${label}：${value}`),
    ...(content.instructions?.length ? ['', '请注意：', ...content.instructions.map((step, i) => `${i + 1}. ${step}`)] : []),
    '',
    '——',
    FOOTER,
  ].join('\n');
  const rows = content.details
    .map(([label, value]) => `<tr><th style="text-align:left;padding:4px 12px 4px 0;color:#555;font-weight:normal;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`)
    .join('');
  const html = [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>', escapeHtml(content.subject), '</title></head>',
    '<body style="font-family:\'PingFang SC\',\'Microsoft YaHei\',sans-serif;font-size:14px;line-height:1.7;color:#222">',
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    rows ? `<table style="border-collapse:collapse;margin:8px 0 16px">${rows}</table>` : '',
    content.instructions?.length ? `<p><strong>请注意：</strong></p><ol>${content.instructions.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>` : '',
    `<hr style="border:none;border-top:1px solid #ddd"><p style="color:#888;font-size:12px">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: content.subject, text, html };
}
