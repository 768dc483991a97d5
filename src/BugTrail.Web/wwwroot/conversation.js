// Conversations (the candidate room and the interviewer's console) follow the newest message, as chats do: a reply, a
// release or "the interview has ended" comes into view. A reader who has scrolled up to reread is left where they are,
// and a "New messages" button appears over the conversation; it takes them down to the newest.
(() => {
  const nearBottom = list => list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const pinned = new WeakMap();   // list -> was it at the bottom before the last change
  const counts = new WeakMap();   // list -> how many messages it had
  const pills = new WeakMap();    // list -> its button (kept outside the list, which the page's renderer owns)

  const pill = list => {
    let button = pills.get(list);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'new-pill';
      button.dataset.test = 'new-messages';
      button.textContent = 'New messages ↓';
      button.hidden = true;
      button.addEventListener('click', () => {
        list.scrollTop = list.scrollHeight;
        pinned.set(list, true);
        button.hidden = true;
      });
      document.body.appendChild(button);
      pills.set(list, button);
    }
    return button;
  };

  const show = list => {
    const button = pill(list);
    const box = list.getBoundingClientRect();
    button.style.left = `${Math.round(box.left + box.width / 2)}px`;
    button.style.top = `${Math.round(Math.min(box.bottom, window.innerHeight) - 44)}px`;
    button.hidden = false;
  };

  const follow = list => {
    const count = list.children.length;
    const grew = count > (counts.get(list) ?? count);
    counts.set(list, count);
    if (pinned.get(list) !== false) list.scrollTop = list.scrollHeight;
    else if (grew) show(list);
    if (!list.dataset.followed) {
      list.dataset.followed = 'true';
      list.addEventListener('scroll', () => {
        pinned.set(list, nearBottom(list));
        if (nearBottom(list) && pills.get(list)) pills.get(list).hidden = true;
      }, { passive: true });
    }
  };
  const all = () => document.querySelectorAll('ol.conversation').forEach(follow);
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', all);
})();
