// Ctrl+Enter (or Cmd+Enter) sends the message being typed, in the room and the console, as chat and code-pad tools do.
document.addEventListener('keydown', e => {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
  const form = e.target instanceof HTMLTextAreaElement ? e.target.closest('form.say') : null;
  if (!form) return;
  e.preventDefault();
  form.requestSubmit();
});
