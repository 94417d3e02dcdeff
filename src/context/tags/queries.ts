// Tags queries: which nodes define a name, per grammar. Each pattern captures the defining node as
// @def.<kind> and its name as @name. Kinds: container (a class, type, module or impl: its members are
// outlined beneath it), function (what is declared inside it is not outlined), value (a constant, field
// or property: shown up to its value, never the value itself).
// References are every identifier-like node (REFERENCE_TYPES) that is not a definition's own name.

const JS_COMMON = `
(function_declaration name: (identifier) @name) @def.function
(generator_function_declaration name: (identifier) @name) @def.function
(class_declaration name: (_) @name) @def.container
(method_definition name: (_) @name) @def.function
(lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression) (generator_function)])) @def.function
(variable_declaration (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression) (generator_function)])) @def.function
(lexical_declaration (variable_declarator name: (identifier) @name value: (class))) @def.container
(expression_statement (assignment_expression left: (member_expression property: (property_identifier) @name) right: [(arrow_function) (function_expression)])) @def.function
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: (_) @value))) @def.value)
(program (lexical_declaration (variable_declarator name: (identifier) @name value: [(object) (array) (string) (number) (template_string) (new_expression)] @value)) @def.value)
`;

const TS_ONLY = `
(function_signature name: (identifier) @name) @def.function
(abstract_class_declaration name: (_) @name) @def.container
(interface_declaration name: (_) @name) @def.container
(type_alias_declaration name: (_) @name) @def.type
(enum_declaration name: (_) @name) @def.container
(internal_module name: (_) @name) @def.container
(method_signature name: (_) @name) @def.function
(abstract_method_signature name: (_) @name) @def.function
(property_signature name: (_) @name) @def.value
(public_field_definition name: (_) @name) @def.value
`;

/** Definition queries by grammar name. */
export const DEFINITIONS: Record<string, string> = {
  javascript: `${JS_COMMON}
(field_definition property: (_) @name) @def.value`,
  typescript: JS_COMMON + TS_ONLY,
  tsx: JS_COMMON + TS_ONLY,
  python: `
(class_definition name: (identifier) @name) @def.container
(function_definition name: (identifier) @name) @def.function
(module (expression_statement (assignment left: (identifier) @name right: (_) @value)) @def.value)
(class_definition body: (block (expression_statement (assignment left: (identifier) @name)) @def.value))
`,
  go: `
(function_declaration name: (identifier) @name) @def.function
(method_declaration name: (field_identifier) @name) @def.function
(type_spec name: (type_identifier) @name) @def.container
(field_declaration name: (field_identifier) @name) @def.value
(method_spec name: (field_identifier) @name) @def.function
(source_file (const_declaration (const_spec name: (identifier) @name) @def.value))
(source_file (var_declaration (var_spec name: (identifier) @name) @def.value))
`,
  rust: `
(function_item name: (identifier) @name) @def.function
(function_signature_item name: (identifier) @name) @def.function
(struct_item name: (type_identifier) @name) @def.container
(enum_item name: (type_identifier) @name) @def.container
(union_item name: (type_identifier) @name) @def.container
(trait_item name: (type_identifier) @name) @def.container
(impl_item type: (_) @name) @def.container
(mod_item name: (identifier) @name) @def.container
(type_item name: (type_identifier) @name) @def.type
(const_item name: (identifier) @name) @def.value
(static_item name: (identifier) @name) @def.value
(field_declaration name: (field_identifier) @name) @def.value
(enum_variant name: (identifier) @name) @def.value
(macro_definition name: (identifier) @name) @def.function
`,
  java: `
(class_declaration name: (identifier) @name) @def.container
(interface_declaration name: (identifier) @name) @def.container
(enum_declaration name: (identifier) @name) @def.container
(record_declaration name: (identifier) @name) @def.container
(annotation_type_declaration name: (identifier) @name) @def.container
(method_declaration name: (identifier) @name) @def.function
(constructor_declaration name: (identifier) @name) @def.function
(field_declaration declarator: (variable_declarator name: (identifier) @name)) @def.value
(constant_declaration declarator: (variable_declarator name: (identifier) @name)) @def.value
`,
  c: `
(function_definition declarator: (function_declarator declarator: (identifier) @name)) @def.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))) @def.function
(translation_unit (declaration declarator: (function_declarator declarator: (identifier) @name)) @def.function)
(translation_unit (declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))) @def.function)
(struct_specifier name: (type_identifier) @name body: (_)) @def.container
(union_specifier name: (type_identifier) @name body: (_)) @def.container
(enum_specifier name: (type_identifier) @name body: (_)) @def.container
(type_definition declarator: (type_identifier) @name) @def.type
(field_declaration declarator: (field_identifier) @name) @def.value
(preproc_def name: (identifier) @name) @def.value
(preproc_function_def name: (identifier) @name) @def.function
`,
  cpp: `
(function_definition declarator: (function_declarator declarator: (_) @name)) @def.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @def.function
(function_definition declarator: (reference_declarator (function_declarator declarator: (_) @name))) @def.function
(declaration declarator: (function_declarator declarator: (_) @name)) @def.function
(field_declaration declarator: (function_declarator declarator: (_) @name)) @def.function
(field_declaration declarator: (field_identifier) @name) @def.value
(class_specifier name: (_) @name body: (_)) @def.container
(struct_specifier name: (_) @name body: (_)) @def.container
(union_specifier name: (_) @name body: (_)) @def.container
(enum_specifier name: (_) @name body: (_)) @def.container
(namespace_definition name: (_) @name) @def.container
(type_definition declarator: (type_identifier) @name) @def.type
(alias_declaration name: (type_identifier) @name) @def.type
(preproc_def name: (identifier) @name) @def.value
(preproc_function_def name: (identifier) @name) @def.function
`,
  c_sharp: `
(class_declaration name: (identifier) @name) @def.container
(interface_declaration name: (identifier) @name) @def.container
(struct_declaration name: (identifier) @name) @def.container
(enum_declaration name: (identifier) @name) @def.container
(record_declaration name: (identifier) @name) @def.container
(namespace_declaration name: (_) @name) @def.container
(method_declaration name: (identifier) @name) @def.function
(constructor_declaration name: (identifier) @name) @def.function
(property_declaration name: (identifier) @name) @def.value
(field_declaration (variable_declaration (variable_declarator (identifier) @name))) @def.value
(enum_member_declaration name: (identifier) @name) @def.value
(delegate_declaration name: (identifier) @name) @def.function
`,
  ruby: `
(class name: (_) @name) @def.container
(module name: (_) @name) @def.container
(method name: (_) @name) @def.function
(singleton_method name: (_) @name) @def.function
(program (assignment left: (constant) @name right: (_) @value) @def.value)
`,
  php: `
(class_declaration name: (name) @name) @def.container
(interface_declaration name: (name) @name) @def.container
(trait_declaration name: (name) @name) @def.container
(enum_declaration name: (name) @name) @def.container
(namespace_definition name: (_) @name) @def.container
(function_definition name: (name) @name) @def.function
(method_declaration name: (name) @name) @def.function
(property_declaration (property_element (variable_name (name) @name))) @def.value
(const_declaration (const_element (name) @name)) @def.value
`,
};

/** Node types that name something; a file's references are the nodes of these types its grammar has. */
export const REFERENCE_TYPES = [
  'identifier',
  'property_identifier',
  'shorthand_property_identifier',
  'type_identifier',
  'field_identifier',
  'namespace_identifier',
  'constant',
  'name',
];
