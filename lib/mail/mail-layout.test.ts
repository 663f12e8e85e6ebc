import { describe, expect, it } from 'vitest';
import { renderMail } from './mail-layout';

describe('a notification mail', () => {
  const mail = renderMail({
    subject: '【电子保函服务平台】测试',
    greeting: '<script>alert(1)</script>有限公司：',
    paragraphs: ['第一段', '第二段 & "引号"'],
    details: [['订单号', 'BH2026'], ['保费', '¥1,250.00']],
    instructions: ['第一步', '第二步'],
  });

  it('has the same words as plain text and as simple HTML', () => {
    expect(mail.text).toBe(
      [
        '<script>alert(1)</script>有限公司：', '', '第一段', '', '第二段 & "引号"', '', '订单号：BH2026', '保费：¥1,250.00', '', '请注意：', '1. 第一步', '2. 第二步', '',
        '——', '此邮件由电子保函服务平台自动发送，请勿直接回复。如有疑问，请登录平台查看订单或联系所在地区的平台运营人员。',
      ].join('\n'),
    );
    expect(mail.html).toContain('<p>第一段</p>');
    expect(mail.html).toContain('<li>第二步</li>');
    expect(mail.html).toContain('<td style="padding:4px 0">¥1,250.00</td>');
  });

  it('escapes what it is given in the HTML (an enterprise name is the applicant\'s own text)', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;有限公司：');
    expect(mail.html).toContain('第二段 &amp; &quot;引号&quot;');
  });
});
