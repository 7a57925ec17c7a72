using System.Collections;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Diagnostics;

/// <summary>
/// Collects diagnostics; every kind of mistake has one <c>Report…</c> method and one ID
/// (the table is in models/README.md), as in minsk's <c>DiagnosticBag</c>. After
/// <see cref="Limit"/> errors a final MDL0015 is added and further reports are dropped,
/// so binary garbage cannot produce millions of lines. An exact repeat (same ID, source, span
/// and message, e.g. from a define expanded many times) is kept once.
/// </summary>
public sealed class DiagnosticBag : IEnumerable<Diagnostic>
{
    /// <summary>Most diagnostics kept for one file.</summary>
    public const int Limit = 100;

    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(string Id, SourceText Source, TextSpan Span, string Message)> _seen = [];

    /// <summary>Number of diagnostics.</summary>
    public int Count => _items.Count;

    /// <summary>True once the limit has been reached.</summary>
    public bool TooMany { get; private set; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => _items.Any(d => d.IsError);

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds all diagnostics of another bag.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }

    private void Add(Diagnostic d)
    {
        if (TooMany || !_seen.Add((d.Id, d.Source, d.Span, d.Message))) return;
        if (_items.Count >= Limit)
        {
            TooMany = true;
            _items.Add(d with { Id = "MDL0015", Message = $"Too many errors ({Limit}); stopping here." });
            return;
        }
        _items.Add(d);
    }

    private void Error(string id, SourceText text, TextSpan span, string message) =>
        Add(new Diagnostic(id, DiagnosticSeverity.Error, message, text, span));

    private void Warning(string id, SourceText text, TextSpan span, string message) =>
        Add(new Diagnostic(id, DiagnosticSeverity.Warning, message, text, span));

    // Lexical and syntax errors: MDL00xx.

    /// <summary>MDL0001</summary>
    public void ReportBadCharacter(SourceText text, int position, char c) =>
        Error("MDL0001", text, new TextSpan(position, 1),
            c == '\uFFFD' ? "Bad character: the file is not valid UTF-8 text here." : $"Bad character '{(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())}'.");

    /// <summary>MDL0002</summary>
    public void ReportMalformedNumber(SourceText text, TextSpan span, string literal) =>
        Error("MDL0002", text, span, literal.Length > Symbolics.Numbers.Rational.MaxLiteralLength
            ? $"Number literal too long (more than {Symbolics.Numbers.Rational.MaxLiteralLength} characters) or exponent too large."
            : $"Malformed number '{literal}' (a product needs '*', e.g. 2*x; exponents are limited to {Symbolics.Numbers.Rational.MaxExponent}).");

    /// <summary>MDL0003</summary>
    public void ReportUnterminatedString(SourceText text, TextSpan span) =>
        Error("MDL0003", text, span, "Unterminated string: add the closing '\"' on the same line.");

    /// <summary>MDL0010</summary>
    public void ReportUnexpectedToken(SourceText text, SyntaxToken found, string expected) =>
        Error("MDL0010", text, found.Span, $"Expected {expected}, found {Describe(found)}.");

    /// <summary>MDL0011</summary>
    public void ReportExpectedDeclaration(SourceText text, SyntaxToken found) =>
        Error("MDL0011", text, found.Span,
            $"Expected a declaration (model, group, fermion, scalar, param, potential, yukawa, majorana, vev, check, const, let, define, kernel, texture, table or system), found {Describe(found)}.");

    /// <summary>MDL0012</summary>
    public void ReportExpectedExpression(SourceText text, SyntaxToken found) =>
        Error("MDL0012", text, found.Span, $"Expected an expression, found {Describe(found)}.");

    /// <summary>MDL0013</summary>
    public void ReportUnclosed(SourceText text, SyntaxToken found, string close, SyntaxToken owner) =>
        Error("MDL0013", text, found.Span, $"Expected {close} to close the list after '{owner.Text}', found {Describe(found)}.");

    /// <summary>MDL0013, at a bracket that nothing closes (before the next declaration).</summary>
    public void ReportNeverClosed(SourceText text, SyntaxToken opener, string close) =>
        Error("MDL0013", text, opener.Span, $"This '{opener.Text}' is never closed: add {close}.");

    /// <summary>MDL0014</summary>
    public void ReportTooDeep(SourceText text, TextSpan span, int depth) =>
        Error("MDL0014", text, span, $"Expression nested more than {depth} levels deep.");

    private static string Describe(SyntaxToken t) =>
        t.Kind is SyntaxKind.Identifier or SyntaxKind.Number or SyntaxKind.String ? $"'{t.Text}'" : SyntaxFacts.Describe(t.Kind);

    // Binding errors: MDL02xx.

    /// <summary>MDL0200</summary>
    public void ReportDuplicate(SourceText text, TextSpan span, string what, string name) =>
        Error("MDL0200", text, span, $"'{name}' is already declared (as a {what}).");

    /// <summary>MDL0201</summary>
    public void ReportUnknownName(SourceText text, TextSpan span, string name, string? suggestion) =>
        Error("MDL0201", text, span, $"Unknown name '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0202</summary>
    public void ReportUnknownGroupType(SourceText text, TextSpan span, string type) =>
        Error("MDL0202", text, span, $"Unknown group type '{type}': use SU(N), U(1) or Z(N).");

    /// <summary>MDL0203</summary>
    public void ReportBadGroupOrder(SourceText text, TextSpan span, string type, string detail) =>
        Error("MDL0203", text, span, $"Bad order for {type}: {detail}.");

    /// <summary>MDL0204</summary>
    public void ReportUnknownFieldProperty(SourceText text, TextSpan span, string name, string? suggestion) =>
        Error("MDL0204", text, span, $"Unknown field property '{name}' (properties: chirality, gen, real, complex, and the declared group names)."
                                      + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0205</summary>
    public void ReportBadChirality(SourceText text, TextSpan span) =>
        Error("MDL0205", text, span, "Chirality must be 'left' or 'right'.");

    /// <summary>MDL0206</summary>
    public void ReportMissingChirality(SourceText text, TextSpan span, string field) =>
        Error("MDL0206", text, span, $"The fermion '{field}' needs a chirality: add 'chirality: left' or 'chirality: right'.");

    /// <summary>MDL0207</summary>
    public void ReportBadGenerations(SourceText text, TextSpan span) =>
        Error("MDL0207", text, span, "The number of generations must be a whole number from 1 to 64.");

    /// <summary>MDL0208</summary>
    public void ReportBadRepresentation(SourceText text, TextSpan span, string group, string allowed) =>
        Error("MDL0208", text, span, $"Not a representation of {group} that ModelDsl knows; use {allowed}.");

    /// <summary>MDL0209</summary>
    public void ReportBadCharge(SourceText text, TextSpan span, string group, string detail) =>
        Error("MDL0209", text, span, $"Bad charge under {group}: {detail}.");

    /// <summary>MDL0290: per-generation charges (a tuple) or a generation matrix whose size is not the field's number of generations.</summary>
    public void ReportGenerationCount(SourceText text, TextSpan span, string field, int generations, string group, string given) =>
        Error("MDL0290", text, span, $"'{field}' has {generations} generation{(generations == 1 ? "" : "s")} but {given} under {group}: give one charge per generation{(generations == 1 ? " (a single value)" : "")}.");

    /// <summary>MDL0291: a Z(N) generator on the generations that is not a representation (not unitary, G^N != 1, not a permutation, not exact numbers).</summary>
    public void ReportNotARepresentation(SourceText text, TextSpan span, string group, string detail) =>
        Error("MDL0291", text, span, $"Not a representation of {group} on the generations: {detail}.");

    /// <summary>
    /// MDL0292: a quantity derived from the Lagrangian terms (<c>let m = dirac_mass(L, N)</c>) that cannot be derived: wrong
    /// arguments, no term that gives it, a structure the derivation does not cover, a coupling declared below it.
    /// </summary>
    public void ReportDerivation(SourceText text, TextSpan span, string detail) =>
        Error("MDL0292", text, span, detail);

    /// <summary>MDL0210</summary>
    public void ReportPropertyNotForKind(SourceText text, TextSpan span, string property, string kind) =>
        Error("MDL0210", text, span, $"'{property}' does not apply to a {kind}.");

    /// <summary>MDL0211</summary>
    public void ReportModelDeclaration(SourceText text, TextSpan span, string detail) =>
        Error("MDL0211", text, span, detail);

    /// <summary>MDL0212</summary>
    public void ReportBadParameterFlag(SourceText text, TextSpan span, string detail) =>
        Error("MDL0212", text, span, detail);

    /// <summary>MDL0213</summary>
    public void ReportBadDimension(SourceText text, TextSpan span) =>
        Error("MDL0213", text, span, "A matrix dimension must be a whole number from 1 to 64.");

    /// <summary>MDL0214</summary>
    public void ReportIndexCount(SourceText text, TextSpan span, string name, int expected, int found) =>
        Error("MDL0214", text, span, $"'{name}' takes {expected} ind{(expected == 1 ? "ex" : "ices")}, found {found}.");

    /// <summary>MDL0215</summary>
    public void ReportIndexNotContracted(SourceText text, TextSpan span, string index, int count) =>
        Error("MDL0215", text, span, $"The index '{index}' appears {count} time{(count == 1 ? "" : "s")}; a term must use each index exactly twice"
                                      + (count == 3 ? " (three times only in a diagonal yukawa or majorana term: once on a vector coupling and on both fermions, as in -1/2*M[i]*N[i]*N[i])." : "."));

    /// <summary>MDL0216</summary>
    public void ReportIndexRange(SourceText text, TextSpan span, string index, int a, int b, string? hint = null) =>
        Error("MDL0216", text, span, $"The index '{index}' runs over {a} values here and over {b} values elsewhere in the term." + (hint is null ? "" : " " + hint));

    /// <summary>
    /// MDL0285: a term's coupling (parameter, texture or let) used with its indices the other way round: transposed from its
    /// first use in another term, or from the order a check reads (seesaw_zero_mass: columns the Majorana fields).
    /// </summary>
    public void ReportCouplingOrder(SourceText text, TextSpan span, string detail) =>
        Error("MDL0285", text, span, detail);

    /// <summary>MDL0217</summary>
    public void ReportFieldIndex(SourceText text, TextSpan span, string detail) =>
        Error("MDL0217", text, span, detail);

    /// <summary>MDL0218</summary>
    public void ReportUnknownCheck(SourceText text, TextSpan span, string name, IEnumerable<string> known, string? suggestion) =>
        Error("MDL0218", text, span, $"Unknown check '{name}' (checks: {string.Join(", ", known.Select(k => k == "cw_minimum" ? "cw_minimum(FIELD)" : k))})."
                                      + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0219</summary>
    public void ReportBadVev(SourceText text, TextSpan span, string detail) =>
        Error("MDL0219", text, span, detail);

    /// <summary>MDL0220</summary>
    public void ReportTermWithoutField(SourceText text, TextSpan span) =>
        Error("MDL0220", text, span, "This Lagrangian term contains no field.");

    /// <summary>MDL0221</summary>
    public void ReportTermShape(SourceText text, TextSpan span, string detail) =>
        Error("MDL0221", text, span, detail);

    /// <summary>MDL0222</summary>
    public void ReportUnknownFunction(SourceText text, TextSpan span, string name, string? suggestion) =>
        Error("MDL0222", text, span, $"Unknown function '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0223</summary>
    public void ReportArity(SourceText text, TextSpan span, string name, string expected, int found) =>
        Error("MDL0223", text, span, $"'{name}' takes {expected}, got {found}.");

    /// <summary>MDL0224</summary>
    public void ReportDivisionByZero(SourceText text, TextSpan span) =>
        Error("MDL0224", text, span, "Division by exact zero.");

    /// <summary>MDL0225</summary>
    public void ReportNotAScalarParameter(SourceText text, TextSpan span, string name) =>
        Error("MDL0225", text, span, $"'{name}' cannot be used here: a charge may only use real scalar parameters.");

    /// <summary>MDL0226</summary>
    public void ReportCheckArgument(SourceText text, TextSpan span, string detail) =>
        Error("MDL0226", text, span, detail);

    /// <summary>MDL0227</summary>
    public void ReportNameClash(SourceText text, TextSpan span, string name, string detail) =>
        Error("MDL0227", text, span, $"'{name}' {detail}.");

    /// <summary>MDL0228</summary>
    public void ReportConjugateOfNonField(SourceText text, TextSpan span, string function) =>
        Error("MDL0228", text, span, $"'{function}' takes a field (possibly indexed), e.g. {function}(L[a]).");

    /// <summary>MDL0231</summary>
    public void ReportIndexNotBound(SourceText text, TextSpan span, string index, string? why = null) =>
        Error("MDL0231", text, span, why is null
            ? $"The index '{index}' is not bound here: bind it with sum, pairs or minpairs, or make it a parameter of the define."
            : $"The index '{index}': {why}.");

    /// <summary>MDL0280: a condition <c>j != i</c> anywhere but as the first argument of sum.</summary>
    public void ReportMisplacedCondition(SourceText text, TextSpan span) =>
        Error("MDL0280", text, span, "A condition 'j != i' stands only as the first argument of sum: sum(j != i, expr) adds expr over j, skipping j = i.");

    /// <summary>MDL0284 (a warning): a Lagrangian term that is not Hermitian and has no <c>+ h.c.</c>.</summary>
    public void ReportNotHermitian(SourceText text, TextSpan span, string detail) =>
        Warning("MDL0284", text, span, detail);

    /// <summary>MDL0281: a check that does not apply to this model (cw_minimum of a potential with a mass term).</summary>
    public void ReportCheckNotApplicable(SourceText text, TextSpan span, string detail) =>
        Error("MDL0281", text, span, detail);

    /// <summary>MDL0282: an unknown energy unit on a const or kernel (with the known ones and a suggestion).</summary>
    public void ReportUnknownUnit(SourceText text, TextSpan span, string unit, IEnumerable<string> known, string? suggestion) =>
        Error("MDL0282", text, span, $"Unknown unit '{unit}' (units: {string.Join(", ", known)})." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0283: a unit where none belongs: on a dimensionless kernel, a kernel's unit without 'in', a const's with it.</summary>
    public void ReportMisplacedUnit(SourceText text, TextSpan span, string detail) =>
        Error("MDL0283", text, span, detail);

    /// <summary>
    /// MDL0330: a kernel's declared unit (<c>in GeV^2</c>, <c>in 1</c>) whose energy dimension is not the one inferred from its
    /// formula, or a power that is not a nonzero integer.
    /// </summary>
    public void ReportKernelUnitMismatch(SourceText text, TextSpan span, string detail) =>
        Error("MDL0330", text, span, detail);

    /// <summary>MDL0232</summary>
    public void ReportBadLet(SourceText text, TextSpan span, string detail) =>
        Error("MDL0232", text, span, detail);

    /// <summary>MDL0233</summary>
    public void ReportBadValue(SourceText text, TextSpan span, string detail) =>
        Error("MDL0233", text, span, detail);

    /// <summary>MDL0270: a malformed system block (no or two variables, a state without an equation, an equation for no state, a bad tolerance or output).</summary>
    public void ReportBadSystem(SourceText text, TextSpan span, string detail) =>
        Error("MDL0270", text, span, detail);

    /// <summary>MDL0271: a malformed integral(x, lo, hi, expr).</summary>
    public void ReportBadIntegral(SourceText text, TextSpan span, string detail) =>
        Error("MDL0271", text, span, detail);

    /// <summary>MDL0272: an expression that may not depend on the state does (an initial value, a limit, an integral, the point of an output).</summary>
    public void ReportDependsOnState(SourceText text, TextSpan span, string what) =>
        Error("MDL0272", text, span, $"{what} may not depend on the system's state.");

    /// <summary>MDL0273: a right-hand side the compiler cannot differentiate exactly (the Jacobian is never a finite difference).</summary>
    public void ReportNotDifferentiable(SourceText text, TextSpan span, string detail) =>
        Error("MDL0273", text, span, $"The Jacobian needs this right-hand side's derivative, which cannot be taken exactly: {detail}.");

    /// <summary>MDL0240: an expression whose expansion would exceed the symbolic size limit (ModelDsl.Symbolics Expansion.MaxTerms).</summary>
    public void ReportExpressionTooLarge(SourceText text, TextSpan span, string detail) =>
        Error("MDL0240", text, span, "Expression too large: " + detail);

    /// <summary>MDL0234: a define that calls itself, directly or through other defines; reported at the call that closes the cycle.</summary>
    public void ReportRecursiveDefine(SourceText text, TextSpan span, string name) =>
        Error("MDL0234", text, span, $"The define '{name}' calls itself here (directly or through other defines); a define is expanded where it is used, so it cannot be recursive.");

    /// <summary>MDL0241: a builtin call names a parameter the builtin does not have.</summary>
    public void ReportUnknownArgument(SourceText text, TextSpan span, string builtin, string name, string? suggestion, string signature) =>
        Error("MDL0241", text, span, $"{builtin} has no parameter '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?") + $" It takes {signature}.");

    /// <summary>MDL0242: a builtin argument given twice.</summary>
    public void ReportDuplicateArgument(SourceText text, TextSpan span, string builtin, string name) =>
        Error("MDL0242", text, span, $"The argument '{name}' of {builtin} is given twice.");

    /// <summary>MDL0243: a required builtin argument is missing.</summary>
    public void ReportMissingArgument(SourceText text, TextSpan span, string builtin, IEnumerable<string> names, string signature) =>
        Error("MDL0243", text, span, $"{builtin} needs {string.Join(", ", names.Select(n => $"'{n}'"))}: {signature}.");

    /// <summary>MDL0244: a builtin argument of the wrong kind (a matrix where a real is wanted, a number where a switch is wanted, ...).</summary>
    public void ReportArgumentKind(SourceText text, TextSpan span, string builtin, string name, string expected, string detail) =>
        Error("MDL0244", text, span, $"The argument '{name}' of {builtin} is {expected}; {detail}.");

    /// <summary>MDL0245: a named argument where none is allowed (outside a builtin call, or a positional argument after a named one).</summary>
    public void ReportNamedArgument(SourceText text, TextSpan span, string detail) =>
        Error("MDL0245", text, span, detail);

    /// <summary>MDL0246: a member access <c>R.field</c> on something that is not a record, or a field the record does not have.</summary>
    public void ReportBadMember(SourceText text, TextSpan span, string detail) =>
        Error("MDL0246", text, span, detail);

    /// <summary>MDL0250: a <c>use</c>d library file is missing or cannot be read (at the path).</summary>
    public void ReportLibraryFile(SourceText text, TextSpan span, string detail) =>
        Error("MDL0250", text, span, detail);

    /// <summary>MDL0251: a <c>use</c>d library has errors (they are reported in the library's file; this one says which use pulled it in).</summary>
    public void ReportLibraryErrors(SourceText text, TextSpan span, string path, int count) =>
        Error("MDL0251", text, span, $"The library '{path}' has {count} error(s), reported at its own lines; it is not used until they are fixed.");

    /// <summary>MDL0252: a declaration in the wrong kind of file: a library declares only its header, inputs, consts, defines and kernels; a model has no inputs.</summary>
    public void ReportLibraryDeclaration(SourceText text, TextSpan span, string detail) =>
        Error("MDL0252", text, span, detail);

    /// <summary>MDL0253: a <c>use</c> binds a name the library does not declare as an input.</summary>
    public void ReportUnknownInput(SourceText text, TextSpan span, string library, string name, IEnumerable<string> inputs, string? suggestion) =>
        Error("MDL0253", text, span, $"The library '{library}' has no input '{name}' (inputs: {string.Join(", ", inputs)})." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0254: a <c>use</c> leaves inputs without a value (inputs with a default may be left out).</summary>
    public void ReportMissingInputs(SourceText text, TextSpan span, string library, IEnumerable<string> names) =>
        Error("MDL0254", text, span, $"The library '{library}' needs a value for {string.Join(", ", names.Select(n => $"'{n}'"))}: bind it as NAME = expr inside the braces.");

    /// <summary>MDL0255: a <c>use</c> binds one input twice.</summary>
    public void ReportInputBoundTwice(SourceText text, TextSpan span, string name) =>
        Error("MDL0255", text, span, $"The input '{name}' is bound twice in this 'use'.");

    /// <summary>MDL0256: an input bound to something of another shape (a scalar for a vector, a 3x2 matrix for a 3x3 input).</summary>
    public void ReportInputShape(SourceText text, TextSpan span, string name, string expected, string found) =>
        Error("MDL0256", text, span, $"The input '{name}' is {expected}; '{found}.");

    /// <summary>MDL0257: a <c>real</c> input bound to a complex quantity.</summary>
    public void ReportInputNotReal(SourceText text, TextSpan span, string name, string found) =>
        Error("MDL0257", text, span, $"The input '{name}' is real; '{found}' is complex (bind re(...), abs(...) or a real parameter, or declare the input complex).");

    /// <summary>MDL0258: <c>NAME.KERNEL</c> of a used library that has no such kernel.</summary>
    public void ReportUnknownLibraryKernel(SourceText text, TextSpan span, string alias, string name, IEnumerable<string> kernels, string? suggestion) =>
        Error("MDL0258", text, span, $"The library used as '{alias}' has no kernel '{name}' (kernels: {string.Join(", ", kernels)})." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0260: a table's data file is missing or cannot be read.</summary>
    public void ReportTableFile(SourceText text, TextSpan span, string detail) =>
        Error("MDL0260", text, span, detail);

    /// <summary>MDL0261: a table's data file is malformed: no <c># columns:</c> header, a row with the wrong number of columns or a non-number.</summary>
    public void ReportTableFormat(SourceText text, TextSpan span, string detail) =>
        Error("MDL0261", text, span, detail);

    /// <summary>MDL0262: a table's data cannot be interpolated: fewer than 4 usable rows, x not strictly increasing, a value y &lt;= 0.</summary>
    public void ReportTableData(SourceText text, TextSpan span, string detail) =>
        Error("MDL0262", text, span, detail);

    /// <summary>MDL0263: <c>t.col(x)</c> with a column the table does not have, or on a name that is not a table; a bad table-choice parameter.</summary>
    public void ReportTableColumn(SourceText text, TextSpan span, string detail) =>
        Error("MDL0263", text, span, detail);

    /// <summary>MDL0264: <c>diff(expr, x)</c> with x not a value parameter or real parameter, or an expr that cannot be differentiated.</summary>
    public void ReportDiff(SourceText text, TextSpan span, string detail) =>
        Error("MDL0264", text, span, detail);

    // Card errors: MDL03xx.

    /// <summary>MDL0325: card: a table-choice parameter given a name that is not a declared table, or a table without a column the kernels use.</summary>
    public void ReportTableChoice(SourceText text, TextSpan span, string detail) =>
        Error("MDL0325", text, span, detail);

    /// <summary>MDL0326: a ULYSSES parameter file: a malformed line (a key without a value, a value that is not a number, more
    /// than a key and two numbers, a range with a complex end, a complex value for a real key).</summary>
    public void ReportUlyssesLine(SourceText text, TextSpan span, string detail) =>
        Error("MDL0326", text, span, detail);

    /// <summary>MDL0327: a ULYSSES parameter file: a key ULYSSES does not know, or one the model has no parameter for.</summary>
    public void ReportUlyssesKey(SourceText text, TextSpan span, string detail) =>
        Error("MDL0327", text, span, detail);

    /// <summary>MDL0328: a ULYSSES parameter file: a key given twice.</summary>
    public void ReportUlyssesKeyTwice(SourceText text, TextSpan span, string key) =>
        Error("MDL0328", text, span, $"'{key}' is given twice (ULYSSES would silently keep the last value).");

    /// <summary>MDL0329: a ULYSSES parameter file read as one point: keys missing, or given as a scan range.</summary>
    public void ReportUlyssesNotAPoint(SourceText text, TextSpan span, string detail) =>
        Error("MDL0329", text, span, detail);

    /// <summary>MDL0340: a ULYSSES parameter file holds a character that is not text (a binary file, or one in an encoding other
    /// than UTF-8): a control character other than a tab, or a byte that is not UTF-8.</summary>
    public void ReportUlyssesNotText(SourceText text, TextSpan span) =>
        Error("MDL0340", text, span, "this is not a text file (a control character, or a byte that is not UTF-8): a ULYSSES parameter file is lines of 'key value'.");

    /// <summary>MDL0341: a ULYSSES parameter file's scan range that cannot be an axis (the ends of a log10 key overflow).</summary>
    public void ReportUlyssesRange(SourceText text, TextSpan span, string detail) =>
        Error("MDL0341", text, span, detail);

    /// <summary>MDL0300</summary>
    public void ReportUnknownParameter(SourceText text, TextSpan span, string name, string model, string? suggestion) =>
        Error("MDL0300", text, span, $"The model '{model}' has no parameter '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0301</summary>
    public void ReportGivenTwice(SourceText text, TextSpan span, string name) =>
        Error("MDL0301", text, span, $"'{name}' is given twice.");

    /// <summary>MDL0302</summary>
    public void ReportMissingUnit(SourceText text, TextSpan span, string name) =>
        Error("MDL0302", text, span, $"'{name}' is a mass: give its unit (eV, meV, keV, MeV, GeV or TeV), e.g. {name} = 4.0 GeV.");

    /// <summary>MDL0303</summary>
    public void ReportUnexpectedUnit(SourceText text, TextSpan span, string name) =>
        Error("MDL0303", text, span, $"'{name}' is dimensionless and takes no unit.");

    /// <summary>MDL0304</summary>
    public void ReportUnknownUnit(SourceText text, TextSpan span, string unit, string? suggestion) =>
        Error("MDL0304", text, span, $"Unknown unit '{unit}' (units: eV, meV, keV, MeV, GeV, TeV)." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    /// <summary>MDL0305</summary>
    public void ReportNotANumber(SourceText text, TextSpan span, string detail) =>
        Error("MDL0305", text, span, detail);

    /// <summary>MDL0306</summary>
    public void ReportComponentCount(SourceText text, TextSpan span, string name, int expected, int found) =>
        Error("MDL0306", text, span, expected == 1
            ? $"'{name}' is a single value, not a list of {found}."
            : $"'{name}' has {expected} components; give them all, e.g. {name} = ({string.Join(", ", Enumerable.Repeat("x", expected))}); found {found}.");

    /// <summary>MDL0307</summary>
    public void ReportOutOfRange(SourceText text, TextSpan span, string detail) =>
        Error("MDL0307", text, span, detail);

    /// <summary>MDL0308</summary>
    public void ReportOrdering(SourceText text, TextSpan span, string detail) =>
        Error("MDL0308", text, span, detail);

    /// <summary>MDL0309</summary>
    public void ReportMissingParameters(SourceText text, TextSpan span, IEnumerable<string> names) =>
        Error("MDL0309", text, span, $"The card does not give {string.Join(", ", names)} (needed by the kernels; no default).");

    /// <summary>MDL0310</summary>
    public void ReportComplexForReal(SourceText text, TextSpan span, string name) =>
        Error("MDL0310", text, span, $"'{name}' is real; this value is complex.");

    /// <summary>MDL0311</summary>
    public void ReportCardForOtherModel(SourceText text, TextSpan span, string card, string model) =>
        Error("MDL0311", text, span, $"This card is for the model '{card}', not '{model}'.");

    /// <summary>MDL0312</summary>
    public void ReportCardHeader(SourceText text, SyntaxToken found) =>
        Error("MDL0312", text, found.Span, $"A card starts with: card \"title\" for MODEL; found {Describe(found)}.");

    /// <summary>MDL0230</summary>
    public void ReportEmptyModel(SourceText text) =>
        Error("MDL0230", text, new TextSpan(0, 0), "The file declares no model: start it with 'model NAME'.");

    /// <summary>MDL0347: an <c>include</c> whose file cannot be read, or that names a file included already (at its path).</summary>
    public void ReportIncludeFile(SourceText text, TextSpan span, string detail) =>
        Error("MDL0347", text, span, detail);

    /// <summary>MDL0348: an included file that is not a definitions file: a declaration other than its header and <c>define</c>s (at it, in that file).</summary>
    public void ReportIncludedDeclaration(SourceText text, TextSpan span, string detail) =>
        Error("MDL0348", text, span, detail);

    /// <summary>MDL0349: an included define whose name the including spec declares too (at the include, naming both).</summary>
    public void ReportIncludeClash(SourceText text, TextSpan span, string detail) =>
        Error("MDL0349", text, span, detail);
}
