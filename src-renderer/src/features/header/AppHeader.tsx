import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { selectActiveKey, selectAppInfo, selectAppInfoError, useConsoleStore } from '../../store';
import { sandboxStatusText } from './app-status';

/** Always-visible context: which key (and so which environment) requests use, and the sandbox. */
export function AppHeader() {
  const info = useConsoleStore(selectAppInfo);
  const infoError = useConsoleStore(selectAppInfoError);
  const activeKey = useConsoleStore(selectActiveKey);

  return (
    <header className="app-header">
      <p className="brand">Helplane Console</p>
      <div className="header-status">
        {activeKey && (
          <p className="header-item">
            Key in use: <strong>{activeKey.name}</strong> <EnvironmentBadge environment={activeKey.environment} baseUrl={activeKey.baseUrl} />
          </p>
        )}
        <p className={`header-item sandbox-${info?.sandbox.state ?? 'unknown'}`}>
          {info ? sandboxStatusText(info.sandbox) : infoError ? infoError.message : 'Connecting to the console…'}
        </p>
      </div>
      {info && !info.keychain.available && (
        <p className="banner banner-warning">
          <strong>OS keychain unavailable.</strong>{' '}
          {info.keychain.message ?? 'Keys cannot be saved until the keychain can be reached.'}
        </p>
      )}
    </header>
  );
}
