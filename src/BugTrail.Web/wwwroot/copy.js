// A button with data-copy="#id" copies that element's text (a candidate link) and says so, for a moment.
document.addEventListener('click', async e => {
  const button = e.target instanceof Element ? e.target.closest('[data-copy]') : null;
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    button.textContent = 'Copied';
  } catch {
    // No clipboard (an insecure origin): select the text so Ctrl+C copies it.
    getSelection().selectAllChildren(source);
    button.textContent = 'Press Ctrl+C';
  }
  setTimeout(() => { button.textContent = label; }, 2000);
});
