import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import ArrowDropDownCircleOutlinedIcon from '@mui/icons-material/ArrowDropDownCircleOutlined';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import CheckBoxOutlinedIcon from '@mui/icons-material/CheckBoxOutlined';
import CodeIcon from '@mui/icons-material/Code';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import EventIcon from '@mui/icons-material/Event';
import NotesIcon from '@mui/icons-material/Notes';
import PaymentsOutlinedIcon from '@mui/icons-material/PaymentsOutlined';
import PinOutlinedIcon from '@mui/icons-material/PinOutlined';
import RadioButtonCheckedIcon from '@mui/icons-material/RadioButtonChecked';
import ShortTextIcon from '@mui/icons-material/ShortText';
import SmartphoneIcon from '@mui/icons-material/Smartphone';
import ToggleOnOutlinedIcon from '@mui/icons-material/ToggleOnOutlined';
import type { ReactElement } from 'react';
import type { FieldKind } from '@/forms/builder/form-builder-model';

/** The palette: each kind of field an operator can add, in Chinese, with its icon. */
export const FIELD_KIND_UI: Record<FieldKind, { label: string; icon: ReactElement }> = {
  text: { label: '单行文本', icon: <ShortTextIcon fontSize="small" /> },
  textarea: { label: '多行文本', icon: <NotesIcon fontSize="small" /> },
  number: { label: '数字', icon: <PinOutlinedIcon fontSize="small" /> },
  money: { label: '金额（元）', icon: <PaymentsOutlinedIcon fontSize="small" /> },
  date: { label: '日期', icon: <EventIcon fontSize="small" /> },
  select: { label: '下拉选择', icon: <ArrowDropDownCircleOutlinedIcon fontSize="small" /> },
  radio: { label: '单选', icon: <RadioButtonCheckedIcon fontSize="small" /> },
  checkboxes: { label: '多选', icon: <CheckBoxOutlinedIcon fontSize="small" /> },
  boolean: { label: '是/否', icon: <ToggleOnOutlinedIcon fontSize="small" /> },
  uscc: { label: '统一社会信用代码', icon: <BadgeOutlinedIcon fontSize="small" /> },
  mobile: { label: '手机号', icon: <SmartphoneIcon fontSize="small" /> },
  bankAccount: { label: '银行账号', icon: <CreditCardIcon fontSize="small" /> },
  email: { label: '邮箱', icon: <AlternateEmailIcon fontSize="small" /> },
  custom: { label: '高级字段（在 JSON 中编辑）', icon: <CodeIcon fontSize="small" /> },
};
