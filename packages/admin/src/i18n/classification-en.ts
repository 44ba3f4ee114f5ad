/** English messages of the tag and segment screens (merged into en.ts). */
export const classificationResourcesEn = {
  tags: {
    name: 'Tag |||| Tags',
    fields: {
      id: 'Tag',
      name: 'Name',
      color: 'Colour',
      description: 'Description',
      count: 'Customers',
      q: 'Search',
    },
  },
  segments: {
    name: 'Segment |||| Segments',
    fields: {
      id: 'Id',
      name: 'Name',
      description: 'Description',
      filter: 'Who belongs',
      customerCount: 'Customers',
      createdBy: 'Created by',
      createdAt: 'Created',
      updatedAt: 'Updated',
      version: 'Version',
      q: 'Search',
    },
  },
};

export const classificationEn = {
  classification: {
    color_hint: '#rrggbb, e.g. #c62828',
    color_invalid: 'A colour looks like #1a2b3c',
    name_invalid: '1–40 characters, no spaces at either end',
    show_customers: 'Show the customers',
    rename_hint: 'Renaming re-tags every live customer that carries the tag.',
    delete_title: 'Delete the tag "%{name}"?',
    delete_in_use: 'One active customer carries it and will lose it. |||| %{smart_count} active customers carry it and will lose it.',
    delete_unused: 'No active customer carries it.',
    deleted: 'Tag deleted',
    segment_filter: 'Who belongs',
    segment_filter_hint: 'The customers list\'s filters; leave a field empty to not filter on it.',
    preview: 'Matching now',
    preview_count: 'One customer matches now |||| %{smart_count} customers match now',
    segment_delete_title: 'Delete the segment "%{name}"?',
    segment_delete_body: 'Customers keep their data and tags; only the saved filter goes.',
    segment_deleted: 'Segment deleted',
  },
};
