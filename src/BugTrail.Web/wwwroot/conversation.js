// Conversations (the candidate room and the interviewer's console) follow the newest message, as chats do: a reply, a
// release or "the interview has ended" comes into view. A reader who has scrolled up to reread is left where they are.
(() => {
  const nearBottom = list => list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const pinned = new WeakMap();   // list -> was it at the bottom before the last change
  const follow = list => {
    if (pinned.get(list) !== false) list.scrollTop = list.scrollHeight;
    if (!list.dataset.followed) {
      list.dataset.followed = 'true';
      list.addEventListener('scroll', () => pinned.set(list, nearBottom(list)), { passive: true });
    }
  };
  const all = () => document.querySelectorAll('ol.conversation').forEach(follow);
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', all);
})();
