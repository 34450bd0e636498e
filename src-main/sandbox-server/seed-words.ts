/** Word lists the seed draws from; plain data so the generator stays readable. */
export const FIRST_NAMES = [
  'Ada', 'Bruno', 'Chloe', 'Dmitri', 'Elena', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jade',
  'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oscar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tariq',
] as const;

export const LAST_NAMES = [
  'Adler', 'Bianchi', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
  'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Weber',
] as const;

export const COMPANIES = ['Northwind', 'Globex', 'Initech', 'Umbrella Goods', 'Stark Freight', 'Hooli'] as const;

export const AGENTS = ['Maya Lopez', 'Tom Becker', 'Aiko Sato', 'Lucas Meyer'] as const;

export const TAGS = ['billing', 'bug', 'feature-request', 'urgent', 'refund', 'onboarding', 'shipping'] as const;

export const SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong amount',
  'Where is my order?',
  'Feature request: dark mode',
  'Refund for a duplicate charge',
  'Export to CSV fails',
  'How do I add a teammate?',
  'Shipping address change',
  'App crashes on startup',
  'Question about the Growth plan',
] as const;
