// The candidate room's integrity log: what happened, never what was pasted (only how much).
export function watch(dotnet, textarea) {
  const last = {};
  const send = (kind, detail) => {
    const now = Date.now();
    if (last[kind] && now - last[kind] < 3000) return;
    last[kind] = now;
    dotnet.invokeMethodAsync('Observe', kind, detail);
  };
  textarea.addEventListener('paste', e => {
    const text = (e.clipboardData && e.clipboardData.getData('text')) || '';
    send('paste', `${text.length} characters pasted into the message box`);
  });
  document.addEventListener('visibilitychange', () =>
    send(document.hidden ? 'focus_lost' : 'focus_returned', document.hidden ? 'the tab was hidden' : 'the tab is visible again'));
  window.addEventListener('blur', () => send('focus_lost', 'the window lost focus'));
  let previous = textarea.value.length;
  textarea.addEventListener('input', () => {
    const grew = textarea.value.length - previous;
    previous = textarea.value.length;
    if (grew > 200) send('large_input', `${grew} characters appeared at once`);
  });
}
