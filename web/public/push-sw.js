/* Préau web push: shows what the server pushed, opens Préau when the notification is clicked. */
self.addEventListener('push', (event) => {
  let data = { title: 'Préau', body: '', url: '/' };
  try {
    data = { ...data, ...event.data.json() };
  } catch {
    // an empty or unreadable push still shows a notification (browsers require one)
  }
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, data: { url: data.url }, tag: 'preau', renotify: true }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url.startsWith(self.location.origin));
      return open ? open.focus().then((w) => w.navigate(url)) : self.clients.openWindow(url);
    }),
  );
});
