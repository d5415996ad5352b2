import { AuditEvent } from './AuditEvent';
import { CallbackReceipt } from './CallbackReceipt';
import { CallbackTask } from './CallbackTask';
import { Department } from './Department';
import { Employee } from './Employee';
import { Handover } from './Handover';
import { HandoverItem } from './HandoverItem';
import { HandoverParticipant } from './HandoverParticipant';
import { HandoverTemplate } from './HandoverTemplate';
import { Milestone } from './Milestone';
import { OutboxMessage } from './OutboxMessage';
import { Session } from './Session';
import { WecomToken } from './WecomToken';
import { CustomerTransfer } from './CustomerTransfer';
import { ReminderLog } from './ReminderLog';
import { Material } from './Material';
import { Question } from './Question';

export {
  AuditEvent, CallbackReceipt, CallbackTask, Department, Employee, Handover, HandoverItem,
  HandoverParticipant, HandoverTemplate, Milestone, OutboxMessage, Session,
  WecomToken, CustomerTransfer, ReminderLog, Material, Question,
};

/** Every entity, for the DataSource. */
export const entities = [
  AuditEvent, CallbackReceipt, CallbackTask, Department, Employee, Handover, HandoverItem,
  HandoverParticipant, HandoverTemplate, Milestone, OutboxMessage, Session,
  WecomToken, CustomerTransfer, ReminderLog, Material, Question,
];
