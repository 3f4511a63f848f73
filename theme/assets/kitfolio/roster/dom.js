/* Elements made from text, never from markup: what a kit says stays text. */

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach((k) => node.setAttribute(k, attrs[k]));
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  return node;
}

/* Text written only when it changes: an unchanged option costs the browser no style and layout. */
export function setText(node, text) {
  if (node.textContent !== text) { node.textContent = text; }
}
