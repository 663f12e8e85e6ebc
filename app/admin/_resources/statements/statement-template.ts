import { statementTemplateCsv } from '@/lib/payments/statement/statement-format';

/** 模板下载: the documented format with two example lines, made in the browser (UTF-8 with BOM for Excel). */
export function downloadStatementTemplate() {
  const url = URL.createObjectURL(new Blob([statementTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = '银行流水导入模板.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
