/** English messages of the home page: counts, charts and latest interactions (merged into en.ts). */
export const homeEn = {
  dashboard: {
    welcome: 'Welcome, %{name}',
    role: 'Signed in as %{role}',
    active_customers: 'Active customers',
    void_customers: 'Void customers',
    interactions_30d: 'Interactions in the last 30 days',
    archived_customers: 'Archived customers',
    jobs_active: 'Jobs queued or running',
    audit_events: 'Audit events',
    recent_interactions: 'Latest interactions',
    open_list: 'Open',
    open_reports: 'Open the reports',
    nothing: 'Nothing to show for your role yet.',
  },
};
