/**
 * wijktafel/table-ownership: only the owning store touches a table (renderer/src/data/stores/tables.ts).
 *
 * A table access is `<x>.<table>` (db.households, tx.actions), `<x>.rows(name)` or
 * `<x>.table(name)` where <x> is typed as the database (WijktafelDB) or a Dexie Transaction.
 * The type checker decides, so `caseFile.actions` or `counts.households` are not accesses;
 * for `rows(name)` with a variable, every literal the variable's type allows must be owned.
 * Naming a table in the scope of `db.transaction(mode, [tables], fn)` is not an access: a
 * transaction over several stores declares their tables and calls each owner's writer, which
 * takes the transaction's db (e.g. addAuditRow(db, row) from the audit store).
 *
 * Options: { store, owned: [...tables], pending?: { table: reason }, dynamic?: reason }. `pending` lists foreign
 * tables a store still reads or writes directly, each with the reason it has not moved to a use
 * case or an owner's reader yet; the list only shrinks. `dynamic` allows (with its reason) a
 * rows(name) whose name may be any table at all.
 */
const DB_TYPES = new Set(['WijktafelDB', 'Transaction']);

export const ALL_TABLES = [
  'vault', 'settings', 'householdKeys', 'households', 'intakes', 'assessments', 'plans', 'goals', 'actions',
  'handovers', 'notes', 'events', 'organisations', 'contacts', 'teamMembers', 'placements', 'involvements',
  'consents', 'invitations', 'feedbackDuties', 'evaluations', 'escalations', 'knelpunten', 'meetings',
  'agendaItems', 'audit',
];
const TABLE_SET = new Set(ALL_TABLES);

function isDbType(type) {
  if (type.isUnion?.() || type.isIntersection?.()) return type.types.some(isDbType);
  const names = [type.getSymbol?.()?.getName(), type.aliasSymbol?.getName()];
  if (names.some((n) => n && DB_TYPES.has(n))) return true;
  return (type.getBaseTypes?.() ?? []).some(isDbType);
}

function literalNames(type) {
  if (type.isUnion?.()) return type.types.flatMap(literalNames);
  if (type.isStringLiteral?.()) return [type.value];
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Only the owning store (renderer/src/data/stores/<store>/) reads or writes a table.' },
    schema: [
      {
        type: 'object',
        properties: {
          store: { type: 'string' },
          owned: { type: 'array', items: { enum: ALL_TABLES } },
          pending: { type: 'object', additionalProperties: { type: 'string' } },
          dynamic: { type: 'string' },
        },
        required: ['store', 'owned'],
        additionalProperties: false,
      },
    ],
    messages: {
      foreign: "Table '{{table}}' belongs to another store than '{{store}}': call its owner's function, or make this a use case (renderer/src/data/usecases/) that takes the transaction.",
      dynamic: "rows()/table() with a name the type checker cannot pin to owned tables of '{{store}}'.",
    },
  },
  create(context) {
    const { store, owned, pending = {}, dynamic } = context.options[0];
    const allowed = new Set([...owned, ...Object.keys(pending)]);
    const services = context.sourceCode.parserServices;
    if (!services?.program) throw new Error('wijktafel/table-ownership needs typed linting (parserOptions.projectService)');
    const checker = services.program.getTypeChecker();
    const typeOf = (node) => checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
    const onDb = (node) => isDbType(typeOf(node));
    /** `db.transaction('rw', [db.a, db.b], fn)` or `db.transaction('rw', db.a, db.b, fn)`: a declaration. */
    const inTransactionScope = (node) => {
      let n = node;
      if (n.parent.type === 'ArrayExpression' || n.parent.type === 'SpreadElement') n = n.parent;
      if (n.parent.type === 'ArrayExpression') n = n.parent;
      const call = n.parent;
      return (
        call.type === 'CallExpression' &&
        call.arguments.includes(n) &&
        call.callee.type === 'MemberExpression' &&
        !call.callee.computed &&
        call.callee.property.name === 'transaction' &&
        onDb(call.callee.object)
      );
    };
    return {
      MemberExpression(node) {
        if (node.computed || node.property.type !== 'Identifier') return;
        const name = node.property.name;
        if (TABLE_SET.has(name)) {
          if (!allowed.has(name) && onDb(node.object) && !inTransactionScope(node)) context.report({ node, messageId: 'foreign', data: { table: name, store } });
          return;
        }
        if ((name === 'rows' || name === 'table') && node.parent.type === 'CallExpression' && node.parent.callee === node && onDb(node.object) && !inTransactionScope(node.parent)) {
          const arg = node.parent.arguments[0];
          if (!arg) return;
          const names = arg.type === 'Literal' && typeof arg.value === 'string' ? [arg.value] : literalNames(typeOf(arg));
          if (!names || names.length >= ALL_TABLES.length) {
            if (dynamic === undefined) context.report({ node: arg, messageId: 'dynamic', data: { store } });
            return;
          }
          for (const t of names) if (!allowed.has(t)) context.report({ node: arg, messageId: 'foreign', data: { table: t, store } });
        }
      },
    };
  },
};

export default { rules: { 'table-ownership': rule } };
