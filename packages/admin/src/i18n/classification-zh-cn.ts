import type { classificationEn, classificationResourcesEn } from './classification-en.ts';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Simplified Chinese messages of the tag and segment screens (merged into zh-cn.ts). */
export const classificationResourcesZhCn: Widen<typeof classificationResourcesEn> = {
  tags: {
    name: '标签',
    fields: {
      id: '标签',
      name: '名称',
      color: '颜色',
      description: '说明',
      count: '客户数',
      q: '搜索',
    },
  },
  segments: {
    name: '客户分群',
    fields: {
      id: '编号',
      name: '名称',
      description: '说明',
      filter: '分群条件',
      customerCount: '客户数',
      createdBy: '创建人',
      createdAt: '创建时间',
      updatedAt: '更新时间',
      version: '版本',
      q: '搜索',
    },
  },
};

export const classificationZhCn: Widen<typeof classificationEn> = {
  classification: {
    color_hint: '#rrggbb 格式，例如 #c62828',
    color_invalid: '颜色格式应为 #1a2b3c',
    name_invalid: '1–40 个字符，首尾不能有空格',
    show_customers: '查看这些客户',
    rename_hint: '重命名会同步修改所有带此标签的在用客户。',
    delete_title: '删除标签“%{name}”？',
    delete_in_use: '有 %{smart_count} 个正常客户带有此标签，删除后将被移除。',
    delete_unused: '没有正常客户带有此标签。',
    deleted: '标签已删除',
    segment_filter: '分群条件',
    segment_filter_hint: '与客户列表的筛选条件相同；留空的项不参与筛选。',
    preview: '当前匹配',
    preview_count: '当前有 %{smart_count} 个客户匹配',
    segment_delete_title: '删除客户分群“%{name}”？',
    segment_delete_body: '客户的数据和标签保持不变，只删除保存的筛选条件。',
    segment_deleted: '客户分群已删除',
  },
};
