namespace ModelDsl.Syntax;

/// <summary>Token kinds of the .mdl spec language.</summary>
public enum SyntaxKind
{
    /// <summary>A character that starts no token.</summary>
    BadToken,
    /// <summary>End of the text.</summary>
    EndOfFile,
    /// <summary>A name.</summary>
    Identifier,
    /// <summary>An exact number literal, optionally imaginary (<c>2.5i</c>) or a conjugate representation (<c>3bar</c>).</summary>
    Number,
    /// <summary>A double-quoted string.</summary>
    String,
    /// <summary><c>{</c></summary>
    OpenBrace,
    /// <summary><c>}</c></summary>
    CloseBrace,
    /// <summary><c>(</c></summary>
    OpenParen,
    /// <summary><c>)</c></summary>
    CloseParen,
    /// <summary><c>[</c></summary>
    OpenBracket,
    /// <summary><c>]</c></summary>
    CloseBracket,
    /// <summary><c>,</c></summary>
    Comma,
    /// <summary><c>:</c></summary>
    Colon,
    /// <summary><c>.</c> between two names (member access); a '.' before a digit starts a number.</summary>
    Dot,
    /// <summary><c>=</c></summary>
    Equals,
    /// <summary><c>+</c></summary>
    Plus,
    /// <summary><c>-</c></summary>
    Minus,
    /// <summary><c>*</c></summary>
    Star,
    /// <summary><c>/</c></summary>
    Slash,
    /// <summary><c>^</c></summary>
    Caret,
    /// <summary><c>-&gt;</c></summary>
    Arrow,
    /// <summary><c>!=</c>, only in the condition of a sum: <c>sum(j != i, ...)</c>.</summary>
    NotEquals,
    /// <summary><c>h.c.</c>, the hermitian conjugate of the preceding terms.</summary>
    HermitianConjugate,
    /// <summary>Keyword <c>model</c>.</summary>
    ModelKeyword,
    /// <summary>Keyword <c>group</c>.</summary>
    GroupKeyword,
    /// <summary>Keyword <c>fermion</c>.</summary>
    FermionKeyword,
    /// <summary>Keyword <c>scalar</c>.</summary>
    ScalarKeyword,
    /// <summary>Keyword <c>param</c>.</summary>
    ParamKeyword,
    /// <summary>Keyword <c>potential</c>.</summary>
    PotentialKeyword,
    /// <summary>Keyword <c>yukawa</c>.</summary>
    YukawaKeyword,
    /// <summary>Keyword <c>majorana</c>.</summary>
    MajoranaKeyword,
    /// <summary>Keyword <c>vev</c>.</summary>
    VevKeyword,
    /// <summary>Keyword <c>check</c>.</summary>
    CheckKeyword,
    /// <summary>Keyword <c>coupling</c>.</summary>
    CouplingKeyword,
    /// <summary>Keyword <c>const</c>.</summary>
    ConstKeyword,
    /// <summary>Keyword <c>let</c>.</summary>
    LetKeyword,
    /// <summary>Keyword <c>define</c>.</summary>
    DefineKeyword,
    /// <summary>Keyword <c>include</c>: <c>include "path"</c> brings a definitions file's defines into the spec.</summary>
    IncludeKeyword,
    /// <summary>Keyword <c>definitions</c>: the header of a file of shared defines (<c>definitions NAME "title"</c>).</summary>
    DefinitionsKeyword,
    /// <summary>Keyword <c>kernel</c>.</summary>
    KernelKeyword,
    /// <summary>Keyword <c>texture</c>.</summary>
    TextureKeyword,
    /// <summary>Keyword <c>system</c>: an ODE system block.</summary>
    SystemKeyword,
    /// <summary>Keyword <c>table</c>.</summary>
    TableKeyword,
    /// <summary>Keyword <c>use</c>: instantiate a library spec with the model's couplings.</summary>
    UseKeyword,
    /// <summary>Keyword <c>library</c>: the header of a library spec (in place of <c>model</c>).</summary>
    LibraryKeyword,
    /// <summary>Keyword <c>input</c>: a library's input, bound by each <c>use</c>.</summary>
    InputKeyword,
}
