import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { invalidatePreferences, pushApi } from '../api';

const WORKER = '/push-sw.js';

function supported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(WORKER);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Subscribes this browser to web push (service worker + VAPID key from the server), or stops. */
export function PushDevice({ devices }: { devices: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subscribed, setSubscribed] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (!supported()) return;
    currentSubscription()
      .then((s) => setSubscribed(!!s))
      .catch(() => setSubscribed(false));
  }, []);

  const enable = async () => {
    setBusy(true);
    setMessage(null);
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setMessage({ tone: 'error', text: t('notifications.pushDenied') });
        return;
      }
      const registration = await navigator.serviceWorker.register(WORKER);
      await navigator.serviceWorker.ready;
      const { publicKey } = await pushApi.key();
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      await pushApi.subscribe(subscription.toJSON());
      setSubscribed(true);
      setMessage({ tone: 'success', text: t('notifications.pushEnabled') });
    } catch {
      setMessage({ tone: 'error', text: t('notifications.pushFailed') });
    } finally {
      setBusy(false);
      void invalidatePreferences(queryClient);
    }
  };

  const disable = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await pushApi.unsubscribe(subscription.endpoint).catch((error: unknown) => {
          if (!isApiError(error, 'notifications.push_subscription_not_found')) throw error;
        });
        await subscription.unsubscribe();
      }
      setSubscribed(false);
      setMessage({ tone: 'success', text: t('notifications.pushDisabled') });
    } catch {
      setMessage({ tone: 'error', text: t('notifications.pushFailed') });
    } finally {
      setBusy(false);
      void invalidatePreferences(queryClient);
    }
  };

  return (
    <section aria-labelledby="push-title" className="stack">
      <h2 id="push-title">{t('notifications.pushTitle')}</h2>
      <p>{devices === 0 ? t('notifications.pushNoDevice') : t('notifications.pushDevices', { count: devices })}</p>
      {!supported() ? (
        <p>{t('notifications.pushUnsupported')}</p>
      ) : (
        <div className="prefs__push-actions">
          {subscribed ? (
            <BusyButton className="button button--secondary" busy={busy} onPress={disable}>
              {t('notifications.pushDisable')}
            </BusyButton>
          ) : (
            <BusyButton className="button button--secondary" busy={busy} onPress={enable}>
              {t('notifications.pushEnable')}
            </BusyButton>
          )}
        </div>
      )}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </section>
  );
}
