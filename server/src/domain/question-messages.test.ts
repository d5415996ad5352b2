import { Handover } from '../entities';
import {
  questionAnsweredCard, questionAskedCard, shortBytes, shortChars,
} from './question-messages';

const handover = { id: 7,
  title: '张伟（销售总监）离任交接：华东大区、重点客户、年度框架合同与应收账款' } as Handover;
const common = {
  handover, questionId: 42, publicUrl: 'https://baton.example.com',
  itemTitle: '华信机械年度框架合同续签与回款节点确认', body: '回款节点是哪天？',
};

describe('shortChars and shortBytes', () => {
  it('keeps text within the limit and marks the cut', () => {
    expect(shortChars('交接清单', 4)).toBe('交接清单');
    expect(shortChars('交接清单齐了', 4)).toBe('交接清…');
    expect(shortBytes('abc', 3)).toBe('abc');
    expect(shortBytes('交接清单', 9)).toBe('交接…');
  });

  it('never splits a character, even one of four bytes', () => {
    const cut = shortBytes('🙂'.repeat(10), 13);
    expect(cut).toBe('🙂🙂…');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(13);
    expect(shortChars('🙂'.repeat(5), 3)).toBe('🙂🙂…');
  });
});

describe('questionAskedCard', () => {
  it('is a text_notice that opens the question, shortened to the card limits', () => {
    const entry = questionAskedCard({ ...common, touser: ['zhangwei'], asker: '李娜',
      body: `${'问'.repeat(200)}\n\n第二段` });
    const card = entry.payload.template_card as {
      main_title: { title: string; desc: string }; quote_area: { quote_text: string };
      horizontal_content_list: { value: string }[]; card_action: { url: string };
    };

    expect(entry).toMatchObject({ kind: 'message.send', handoverId: 7,
      dedupeKey: 'question:42:asked', payload: { touser: 'zhangwei' } });
    expect(card.card_action.url).toBe('https://baton.example.com/handovers/7/questions/42');
    expect([...card.main_title.desc]).toHaveLength(30);
    expect([...card.quote_area.quote_text]).toHaveLength(112);
    expect(card.quote_area.quote_text.endsWith('…')).toBe(true);
    expect(card.horizontal_content_list.map((row) => row.value))
      .toEqual(['李娜', common.itemTitle]);
  });

  it('names the whole handover when the question is on no item', () => {
    const entry = questionAskedCard({ ...common, itemTitle: null, touser: ['zhangwei'],
      asker: '刘洋' });
    const card = entry.payload.template_card as { horizontal_content_list: { value: string }[] };
    expect(card.horizontal_content_list[1].value).toBe('整个交接');
  });
});

describe('questionAnsweredCard', () => {
  it('fits a long answer into the textcard\'s 512 bytes, markup kept whole', () => {
    for (const answer of ['答'.repeat(4000), '🙂'.repeat(4000), 'a'.repeat(4000)]) {
      const entry = questionAnsweredCard({ ...common, touser: 'lina', answerer: '张伟',
        answer });
      const card = entry.payload.textcard as { title: string; description: string };

      expect(Buffer.byteLength(card.description)).toBeLessThanOrEqual(512);
      expect(Buffer.byteLength(card.description)).toBeGreaterThan(490);
      expect(card.description).toMatch(/<div class="highlight">[^<]+…<\/div>$/);
      expect(card.title).toBe('张伟回答了你的问题');
    }
  });

  it('keeps the asker\'s and answerer\'s angle brackets from styling the card', () => {
    const entry = questionAnsweredCard({ ...common, touser: 'lina', answerer: '张伟',
      body: '<div class="highlight">问</div>', answer: '见 <b>合同</b>' });
    const { description } = entry.payload.textcard as { description: string };

    expect(description.match(/<div/g)).toHaveLength(3);
    expect(description).toContain('见 ＜b＞合同＜/b＞');
  });
});
