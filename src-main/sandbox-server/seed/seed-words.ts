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

/** Message bodies: a customer's opening line, then agent and customer replies. */
export const OPENING_LINES = [
  'Hi, I tried again this morning and it still does not work. Can you help?',
  'Hello! I was charged twice for my last order, could you check?',
  'Could you tell me when my package will arrive? The tracking page is empty.',
  'Is there a way to export all my data? The button does nothing.',
  'We would love to have this feature for our team. Any plans?',
  'The app closes right after the splash screen on my laptop.',
] as const;

export const AGENT_LINES = [
  'Thanks for reaching out! I am looking into this now.',
  'Sorry about that. I have escalated it to our billing team.',
  'Could you send a screenshot of what you see?',
  'This should be fixed now. Can you try once more?',
  'I have issued a refund; it takes 3 to 5 business days to show.',
  'Good news: this is on our roadmap for next quarter.',
] as const;

export const CONTACT_LINES = [
  'Thanks, here is the screenshot.',
  'It works now, thank you!',
  'Still the same problem, unfortunately.',
  'Great, that is all I needed.',
  'When can I expect an update?',
] as const;
