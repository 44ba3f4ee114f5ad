import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyTemplate, localizeErrorFile, mappingInput, mappingOf, mappingProblems, parseCsv, stepOf, templateFit, uploadRefusal,
  type ImportColumn, type ImportTemplate,
} from '../src/intake/import.logic.ts';

const columns: ImportColumn[] = [
  { index: 0, header: '客户名称', field: 'name' },
  { index: 1, header: '手机', field: 'phone' },
  { index: 2, header: 'Remarks (internal)', field: null },
  { index: 3, header: '地区', field: 'region' },
];

describe('import wizard rules (issue 22)', () => {
  it('sends the mapped columns only, in column order', () => {
    const mapping = mappingOf(columns);
    assert.deepEqual(mapping, { 0: 'name', 1: 'phone', 2: null, 3: 'region' });
    assert.deepEqual(mappingInput({ 3: 'region', 0: 'name', 2: null, 1: '' }), [{ index: 0, field: 'name' }, { index: 3, field: 'region' }]);
  });

  it('lays a template over the file by header (spacing and case aside), keeping other columns unless the template takes their field', () => {
    const template: ImportTemplate = {
      id: '1',
      name: '展会',
      columns: [
        { index: 0, header: 'remarks  (INTERNAL)', field: 'notes' },
        { index: 1, header: '客户名称', field: 'name' },
        { index: 2, header: '电话', field: 'region' },
      ],
    };
    assert.equal(templateFit(columns, template), 2);
    // 电话 (the template's region column) is not in this file, so 地区 keeps region.
    assert.deepEqual(applyTemplate(columns, mappingOf(columns), template), { 0: 'name', 1: 'phone', 2: 'notes', 3: 'region' });
    const takesPhone: ImportTemplate = { id: '2', name: 'x', columns: [{ index: 0, header: 'Remarks (internal)', field: 'phone' }] };
    assert.deepEqual(applyTemplate(columns, mappingOf(columns), takesPhone), { 0: 'name', 1: null, 2: 'phone', 3: 'region' });
  });

  it('finds the mapping problems the server would refuse', () => {
    const all = () => true;
    assert.deepEqual(mappingProblems({ 0: 'phone' }, all), [{ key: 'name_missing' }]);
    assert.deepEqual(mappingProblems({ 0: 'name', 1: 'phone', 2: 'phone', 3: 'phone' }, all), [{ key: 'twice', field: 'phone' }]);
    assert.deepEqual(mappingProblems({ 0: 'name', 1: 'taxId' }, (f) => f !== 'taxId'), [{ key: 'not_writable', field: 'taxId' }]);
    assert.deepEqual(mappingProblems({ 0: 'name', 1: null }, all), []);
  });

  it('knows the step from the state and the job', () => {
    assert.equal(stepOf({ state: 'UPLOADED', progress: null }), 'mapping');
    assert.equal(stepOf({ state: 'CHECKED', progress: { jobId: '1', state: 'SUCCEEDED', done: 3, total: 3, error: null } }), 'checked');
    assert.equal(stepOf({ state: 'IMPORTING', progress: { jobId: '2', state: 'RUNNING', done: 1, total: 3, error: null } }), 'importing');
    assert.equal(stepOf({ state: 'IMPORTING', progress: { jobId: '2', state: 'CANCELLED', done: 1, total: 3, error: null } }), 'stopped');
    assert.equal(stepOf({ state: 'IMPORTED', progress: null }), 'imported');
    assert.equal(stepOf({ state: 'UNDONE', progress: null }), 'undone');
  });

  it('says why an upload was refused without the server’s words', () => {
    assert.equal(uploadRefusal(413, 'BAD_USER_INPUT'), 'custos.intake.upload.too_large');
    assert.equal(uploadRefusal(403, 'FORBIDDEN'), 'custos.refusals.reasons.ACTION_FORBIDDEN');
    assert.equal(uploadRefusal(400, 'BAD_USER_INPUT'), 'custos.intake.upload.unreadable');
    assert.equal(uploadRefusal(401, 'UNAUTHENTICATED'), 'custos.intake.upload.signed_out');
    assert.equal(uploadRefusal(502, undefined), 'custos.intake.upload.failed');
  });

  it('reads quoted CSV and writes the error file in the reader’s words, the file’s cells as they were', () => {
    assert.deepEqual(parseCsv('a,"b, c","d ""e"""\r\n1,"x\ny",\r\n'), [['a', 'b, c', 'd "e"'], ['1', 'x\ny', '']]);
    const server = '\uFEFFrow,field,reason,名称,电话\r\n4,phone,is not a valid phone number,杭州乙,12345\r\n7,tier,"unknown tier ""最高级"" (KEY_ACCOUNT, LONG_TERM or STANDARD)","温州, 丙",\r\n';
    const out = localizeErrorFile(
      server,
      { row: '行', field: '字段', reason: '问题' },
      (f) => ({ phone: '电话', tier: '等级' })[f] ?? f,
      (m) => (/phone/.test(m) ? '不是电话号码' : '未知的客户等级'),
    );
    assert.equal(out, '\uFEFF行,字段,问题,名称,电话\r\n4,电话,不是电话号码,杭州乙,12345\r\n7,等级,未知的客户等级,"温州, 丙",\r\n');
  });
});
