import { selectPage, useConsoleStore } from '../../store';
import { NAV_ITEMS } from './nav-items';

export function NavBar() {
  const page = useConsoleStore(selectPage);
  const navigate = useConsoleStore((s) => s.navigate);
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={page === item.id ? 'page' : undefined}
              onClick={() => navigate(item.id)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
