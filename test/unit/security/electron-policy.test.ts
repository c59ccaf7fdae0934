import { describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  makePermissionCheckHandler,
  makePermissionRequestHandler,
  makeWindowOpenHandler,
  securityHeaders,
  windowWebPreferences,
} from '../../../electron/security';

const DEV_URL = 'http://localhost:5173/';

describe('windowWebPreferences', () => {
  const prefs = windowWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews and insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('isAllowedNavigation', () => {
  it('allows routes inside the app origin', () => {
    expect(isAllowedNavigation('app://desk/index.html#/cases/3', APP_INDEX_URL)).toBe(true);
    expect(isAllowedNavigation('app://desk/', APP_INDEX_URL)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/x', DEV_URL)).toBe(true);
  });

  it('refuses every other origin and scheme', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5174/',
      'app://other/index.html',
      'file:///etc/passwd',
      'file:///C:/Users/agent/bill.pdf',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url, APP_INDEX_URL), url).toBe(false);
    }
    expect(isAllowedNavigation('app://desk/index.html', DEV_URL)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames showing the app', () => {
    expect(isTrustedSender('app://desk/index.html', APP_INDEX_URL)).toBe(true);
    expect(isTrustedSender('https://evil.example/', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_INDEX_URL)).toBe(false);
    expect(isTrustedSender(null, APP_INDEX_URL)).toBe(false);
    expect(isTrustedSender('', APP_INDEX_URL)).toBe(false);
  });
});

describe('window open handler', () => {
  it('always denies a new window and opens only https links externally', () => {
    const open = vi.fn();
    const handler = makeWindowOpenHandler(open);
    expect(handler({ url: 'https://www.fcc.gov/porting' })).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledWith('https://www.fcc.gov/porting');
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://desk/index.html',
      'smb://host/share',
      'https://user:pw@example.com/',
    ]) {
      open.mockClear();
      expect(handler({ url })).toEqual({ action: 'deny' });
      expect(open, url).not.toHaveBeenCalled();
    }
  });

  it('isSafeExternalUrl accepts only credential-free https', () => {
    expect(isSafeExternalUrl('https://example.com/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('ms-settings:privacy')).toBe(false);
  });
});

describe('permission handlers', () => {
  it('deny by default, including to the app itself', () => {
    const handler = makePermissionRequestHandler(APP_INDEX_URL);
    const wc = { getURL: () => 'app://desk/index.html' };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'hid',
      'usb',
      'serial',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'unknown',
    ]) {
      const cb = vi.fn();
      handler(wc, permission, cb, { requestingUrl: 'app://desk/index.html' });
      expect(cb, permission).toHaveBeenCalledWith(false);
    }
  });

  it('grants clipboard writes only to the app origin', () => {
    const handler = makePermissionRequestHandler(APP_INDEX_URL);
    const cb = vi.fn();
    handler({ getURL: () => 'app://desk/index.html' }, 'clipboard-sanitized-write', cb, {});
    expect(cb).toHaveBeenCalledWith(true);
    const cb2 = vi.fn();
    handler({ getURL: () => 'app://desk/index.html' }, 'clipboard-sanitized-write', cb2, {
      requestingUrl: 'https://evil.example/',
    });
    expect(cb2).toHaveBeenCalledWith(false);
  });

  it('check handler follows the same rule', () => {
    const check = makePermissionCheckHandler(APP_INDEX_URL);
    expect(check(null, 'media', 'app://desk')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(isPermissionAllowed('geolocation', undefined, APP_INDEX_URL)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app and forbids plugins, framing and base hijacks', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is sent with nosniff on every response', () => {
    const h = securityHeaders();
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});
