// The console's rich-text editor (ProseMirror): it edits the story body in place of the #body textarea and writes
// the HTML back into it on every change, so the form sends it as before. Its schema holds only what the server's
// sanitiser keeps as it is: paragraphs, two heading levels, quotes, lists, line breaks, bold, italic and links
// (with the rel the sanitiser requires).
import { Schema, DOMParser, DOMSerializer } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes, wrapInList, splitListItem, liftListItem, sinkListItem } from 'prosemirror-schema-list';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark, setBlockType, wrapIn, lift } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';

const nodes = addListNodes(basic.spec.nodes.remove('code_block').remove('image').remove('horizontal_rule'), 'paragraph block*', 'block')
  .update('heading', Object.assign({}, basic.spec.nodes.get('heading'), {
    attrs: { level: { default: 2 } },
    parseDOM: [{ tag: 'h2', attrs: { level: 2 } }, { tag: 'h3', attrs: { level: 3 } }],
    toDOM: (node) => ['h' + node.attrs.level, 0]
  }));
const marks = basic.spec.marks.remove('code').update('link', {
  attrs: { href: {} },
  inclusive: false,
  parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: dom.getAttribute('href') }) }],
  toDOM: (mark) => ['a', { href: mark.attrs.href, rel: 'noopener noreferrer' }, 0]
});
const schema = new Schema({ nodes, marks });

function toHtml(doc) {
  const holder = document.createElement('div');
  holder.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(doc.content));
  return holder.innerHTML;
}

function promptLink(state, dispatch) {
  const type = schema.marks.link;
  if (state.selection.empty) { return false; }
  const active = state.doc.rangeHasMark(state.selection.from, state.selection.to, type);
  if (active) { return toggleMark(type)(state, dispatch); }
  if (!dispatch) { return true; }
  const href = window.prompt(document.documentElement.lang === 'vi' ? 'Địa chỉ liên kết (https://…)' : 'Link address (https://…)');
  if (!href || !/^(https?:|mailto:)/i.test(href.trim())) { return false; }
  return toggleMark(type, { href: href.trim() })(state, dispatch);
}

const tools = [
  { label: 'B', name: { en: 'Bold', vi: 'Đậm' }, command: toggleMark(schema.marks.strong) },
  { label: 'I', name: { en: 'Italic', vi: 'Nghiêng' }, command: toggleMark(schema.marks.em) },
  { label: '🔗', name: { en: 'Link', vi: 'Liên kết' }, command: promptLink },
  { label: 'H2', name: { en: 'Heading', vi: 'Tiêu đề' }, command: setBlockType(schema.nodes.heading, { level: 2 }) },
  { label: 'H3', name: { en: 'Subheading', vi: 'Tiêu đề phụ' }, command: setBlockType(schema.nodes.heading, { level: 3 }) },
  { label: '¶', name: { en: 'Paragraph', vi: 'Đoạn văn' }, command: setBlockType(schema.nodes.paragraph) },
  { label: '•', name: { en: 'Bulleted list', vi: 'Danh sách' }, command: wrapInList(schema.nodes.bullet_list) },
  { label: '1.', name: { en: 'Numbered list', vi: 'Danh sách số' }, command: wrapInList(schema.nodes.ordered_list) },
  { label: '❝', name: { en: 'Quote', vi: 'Trích dẫn' }, command: wrapIn(schema.nodes.blockquote) },
  { label: '⇤', name: { en: 'Lift out', vi: 'Bỏ thụt lề' }, command: lift },
  { label: '↶', name: { en: 'Undo', vi: 'Hoàn tác' }, command: undo },
  { label: '↷', name: { en: 'Redo', vi: 'Làm lại' }, command: redo }
];

function mount(textarea) {
  const language = document.documentElement.lang === 'vi' ? 'vi' : 'en';
  const wrapper = document.createElement('div');
  wrapper.className = 'rich-text';
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', language === 'vi' ? 'Định dạng' : 'Formatting');
  const area = document.createElement('div');
  wrapper.append(toolbar, area);
  textarea.after(wrapper);
  textarea.hidden = true;

  // Parsed in a detached document: nothing in it loads or runs.
  const source = new window.DOMParser().parseFromString('<div>' + textarea.value + '</div>', 'text/html').body.firstChild;
  const view = new EditorView(area, {
    state: EditorState.create({
      doc: DOMParser.fromSchema(schema).parse(source),
      plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo, 'Mod-b': toggleMark(schema.marks.strong),
        'Mod-i': toggleMark(schema.marks.em), 'Enter': splitListItem(schema.nodes.list_item),
        'Mod-[': liftListItem(schema.nodes.list_item), 'Mod-]': sinkListItem(schema.nodes.list_item) }), keymap(baseKeymap)]
    }),
    attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': 'body-label', id: 'body-editor', lang: textarea.closest('[lang]') ? textarea.closest('[lang]').lang : '' },
    dispatchTransaction(transaction) {
      const state = view.state.apply(transaction);
      view.updateState(state);
      if (transaction.docChanged) {
        textarea.value = toHtml(state.doc);
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  });
  textarea.value = toHtml(view.state.doc);
  tools.forEach((tool) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = tool.label;
    button.title = tool.name[language];
    button.setAttribute('aria-label', tool.name[language]);
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      tool.command(view.state, view.dispatch, view);
      view.focus();
    });
    toolbar.appendChild(button);
  });
}

function mountAll() {
  document.querySelectorAll('textarea[data-rich-text]:not([hidden])').forEach(mount);
}
mountAll();
document.addEventListener('htmx:afterSettle', mountAll);
