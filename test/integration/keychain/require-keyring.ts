/** Fails (never skips) a test that needs the real Secret Service when it runs outside the keyring wrapper. */
export function requireKeyring(): void {
  if (!process.env.TRAYKEY_TEST_KEYRING) {
    throw new Error(
      'This test needs a real, unlocked gnome-keyring: run it inside the wrapper that sets TRAYKEY_TEST_KEYRING=1, ' +
        "e.g. XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; TRAYKEY_TEST_KEYRING=1 npx vitest run <file>' (npm test does this).",
    );
  }
}
