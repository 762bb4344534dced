import type { HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy of the site: scripts, styles, fonts and images from the site
 * itself only, no inline script or style attribute, no plugins, no `<base>`, no framing, forms
 * posting only here. Swagger UI (/api/docs) keeps helmet's defaults: its page has inline styles.
 */
export function siteHelmetOptions(publicUrl: string): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        // Only where the site is served over HTTPS: on http://localhost it would break assets.
        ...(publicUrl.startsWith('https:') ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // Not helmet's `no-referrer`: with it, browsers send `Origin: null` on the site's own form
    // posts, which the session's origin check must refuse. `same-origin` still tells other
    // sites nothing (a reviewer's address never leaks through a link).
    referrerPolicy: { policy: 'same-origin' },
  };
}
