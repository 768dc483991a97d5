// The candidate room's integrity log: what happened and how much, never what was pasted; the server words the entry.
// The message being written survives a reload of the tab (kept in this tab's sessionStorage under draftKey, never sent).
export function watch(dotnet, textarea, draftKey) {
  try {
    const kept = sessionStorage.getItem(draftKey);
    if (kept && !textarea.value) {
      textarea.value = kept;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    textarea.addEventListener('input', () => {
      if (textarea.value) sessionStorage.setItem(draftKey, textarea.value);
      else sessionStorage.removeItem(draftKey);
    });
  } catch { /* storage disabled: drafts are simply not kept */ }
  const last = {};
  const send = (kind, amount) => {
    const now = Date.now();
    // Leaving and coming back alternate, and the server keeps them straight; the rest is sent at most every 3 s.
    if (!kind.startsWith('focus_') && last[kind] && now - last[kind] < 3000) return;
    last[kind] = now;
    dotnet.invokeMethodAsync('Observe', kind, amount);
  };
  textarea.addEventListener('paste', e => {
    const text = (e.clipboardData && e.clipboardData.getData('text')) || '';
    send('paste', text.length);
  });
  document.addEventListener('visibilitychange', () =>
    send(document.hidden ? 'focus_lost' : 'focus_returned', 0));
  window.addEventListener('blur', () => send('focus_lost', 0));
  window.addEventListener('focus', () => send('focus_returned', 0));
  let previous = textarea.value.length;
  textarea.addEventListener('input', () => {
    const grew = textarea.value.length - previous;
    previous = textarea.value.length;
    if (grew > 200) send('large_input', grew);
  });
}

// A message sent is no longer a draft.
export function forget(draftKey) {
  try { sessionStorage.removeItem(draftKey); } catch { /* storage disabled */ }
}
