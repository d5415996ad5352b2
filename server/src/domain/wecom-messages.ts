import type { Progress } from '@baton/shared';
import { copy } from '../copy/zh-CN';
import { Handover, Milestone } from '../entities';
import { OutboxEntry } from '../outbox/outbox';

/** Where the H5 shows a handover. */
export function handoverUrl(publicUrl: string, handoverId: number): string {
  return `${publicUrl}/handovers/${handoverId}`;
}

/** The group's first message: who hands over to whom, with the H5 link. */
export function welcomeMessage(props: {
  handover: Handover; departing: string; successor: string; publicUrl: string;
}): OutboxEntry {
  const { handover } = props;
  return {
    kind: 'appchat.send',
    handoverId: handover.id,
    dedupeKey: `handover:${handover.id}:welcome`,
    payload: {
      chatid: handover.chatId,
      msgtype: 'textcard',
      textcard: {
        title: copy.welcomeTitle(props.departing),
        description: copy.welcomeBody({
          successor: props.successor, lastDay: handover.lastWorkingDay,
        }),
        url: handoverUrl(props.publicUrl, handover.id),
        btntxt: copy.open,
      },
    },
  };
}

/**
 * A milestone's `button_interaction` card for its owners. The task id is
 * new for every send (WeCom refuses reuse with 42014) and names the
 * milestone, so a click finds it.
 */
export function milestoneCard(props: {
  handover: Handover; milestone: Milestone; taskId: string; touser: string[];
  dueLabel: string; progress: Progress; publicUrl: string;
}): OutboxEntry {
  const { handover, milestone } = props;
  const url = handoverUrl(props.publicUrl, handover.id);
  return {
    kind: 'message.send',
    handoverId: handover.id,
    dedupeKey: `card:${props.taskId}`,
    payload: {
      touser: props.touser.join('|'),
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        source: { desc: 'Baton 交接' },
        main_title: { title: milestone.title, desc: handover.title },
        horizontal_content_list: [
          { keyname: copy.cardDue, value: props.dueLabel },
          { keyname: copy.cardProgress, value: copy.progressLine(props.progress) },
        ],
        card_action: { type: 1, url },
        task_id: props.taskId,
        // A sign-off is signed in the H5 by each signer, not completed here.
        button_list: milestone.signers
          ? [{ type: 1, text: copy.cardSign, style: 1, url }]
          : [
            { type: 0, text: copy.cardComplete, style: 1, key: 'complete' },
            { type: 1, text: copy.cardDetails, style: 2, url },
          ],
      },
    },
  };
}

/** A markdown line for the group after a milestone is done. */
export function progressPost(props: {
  handover: Handover; milestone: Milestone; who: string; progress: Progress;
}): OutboxEntry {
  const { handover, milestone } = props;
  return {
    kind: 'appchat.send',
    handoverId: handover.id,
    dedupeKey: `milestone:${milestone.id}:done-post`,
    payload: {
      chatid: handover.chatId,
      msgtype: 'markdown',
      markdown: {
        content: `**${handover.title}**\n`
          + `> ${copy.milestoneDone({ who: props.who, title: milestone.title })}\n`
          + `> <font color="info">${copy.progressLine(props.progress)}</font>`,
      },
    },
  };
}

/** A plain text message to one person. */
export function textTo(props: {
  userid: string; content: string; dedupeKey: string; handoverId: number;
}): OutboxEntry {
  return {
    kind: 'message.send',
    handoverId: props.handoverId,
    dedupeKey: props.dedupeKey,
    payload: { touser: props.userid, msgtype: 'text', text: { content: props.content } },
  };
}
