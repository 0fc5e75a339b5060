using System;
using System.Collections.Generic;
using System.Globalization;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Parsing;

/// <summary>A syntax error inside an expression, at an offset of its text.</summary>
public sealed class ExpressionError
{
    /// <summary>Creates the error.</summary>
    public ExpressionError(string message, int offset, int length)
    {
        Message = message;
        Offset = offset;
        Length = length;
    }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>Where, in the expression text.</summary>
    public int Offset { get; }

    /// <summary>How many characters.</summary>
    public int Length { get; }
}

/// <summary>
/// Parses conditions: <c>||</c>, <c>&amp;&amp;</c>, <c>!</c>, parentheses, chained comparisons
/// (<c>2.9 V &lt; RemoteHVoltage &lt; BatteryVoltage</c>), names with one member, numbers with units,
/// <c>true</c>/<c>false</c>. Also parses threshold levels: <c>&lt;= PreAlarmLevel + 0.10 V</c>.
/// </summary>
public sealed class ExpressionParser
{
    private enum TokenKind { Name, Number, And, Or, Not, LParen, RParen, Compare, Plus, Minus, End }

    private readonly struct Token
    {
        public Token(TokenKind kind, int offset, int length, string text = "", CompareOp op = default, NumberExpr? number = null)
        {
            Kind = kind;
            Offset = offset;
            Length = length;
            Text = text;
            Op = op;
            Number = number;
        }

        public TokenKind Kind { get; }
        public int Offset { get; }
        public int Length { get; }
        public string Text { get; }
        public CompareOp Op { get; }
        public NumberExpr? Number { get; }
    }

    private readonly List<Token> _tokens = new();
    private int _position;

    private ExpressionParser() { }

    /// <summary>Parses a whole condition. Returns null and sets <paramref name="error"/> on failure.</summary>
    public static Expr? ParseCondition(string text, out ExpressionError? error)
    {
        var parser = new ExpressionParser();
        error = parser.Tokenize(text);
        if (error is not null) return null;
        try
        {
            var expr = parser.ParseOr();
            if (parser.Peek.Kind != TokenKind.End) throw parser.Fail($"unexpected '{parser.Describe(parser.Peek)}'");
            return expr;
        }
        catch (ParseFailure failure)
        {
            error = failure.Error;
            return null;
        }
    }

    /// <summary>A parsed threshold level: operator, base operand, optional +/- offset.</summary>
    public sealed class Level
    {
        internal Level(CompareOp op, Expr operand, NumberExpr? offset, bool negativeOffset)
        {
            Op = op;
            Operand = operand;
            Offset = offset;
            NegativeOffset = negativeOffset;
        }

        /// <summary>The comparison against the input.</summary>
        public CompareOp Op { get; }

        /// <summary>A number or a setting name.</summary>
        public Expr Operand { get; }

        /// <summary>An added or subtracted quantity, if any.</summary>
        public NumberExpr? Offset { get; }

        /// <summary>True when the offset is subtracted.</summary>
        public bool NegativeOffset { get; }
    }

    /// <summary>Parses a threshold level such as <c>&gt;= 4.00 V</c> or <c>&gt;= PreAlarmLevel + 0.10 V</c>.</summary>
    public static Level? ParseLevel(string text, out ExpressionError? error)
    {
        var parser = new ExpressionParser();
        error = parser.Tokenize(text);
        if (error is not null) return null;
        try
        {
            var opToken = parser.Next();
            if (opToken.Kind != TokenKind.Compare) throw parser.Fail("a level starts with <, <=, > or >=, e.g. '<= 2.80 V'", opToken);
            var operand = parser.ParseOperand();
            NumberExpr? offset = null;
            var negative = false;
            if (parser.Peek.Kind is TokenKind.Plus or TokenKind.Minus)
            {
                negative = parser.Next().Kind == TokenKind.Minus;
                var offsetToken = parser.Next();
                if (offsetToken.Kind != TokenKind.Number) throw parser.Fail("expected a quantity after + or -", offsetToken);
                offset = offsetToken.Number;
            }
            if (parser.Peek.Kind != TokenKind.End) throw parser.Fail($"unexpected '{parser.Describe(parser.Peek)}'");
            return new Level(opToken.Op, operand, offset, negative);
        }
        catch (ParseFailure failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private sealed class ParseFailure : Exception
    {
        public ParseFailure(ExpressionError error) => Error = error;

        public ExpressionError Error { get; }
    }

    private Token Peek => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private ParseFailure Fail(string message, Token? at = null)
    {
        var token = at ?? Peek;
        return new ParseFailure(new ExpressionError(message, token.Offset, Math.Max(1, token.Length)));
    }

    private string Describe(Token token) => token.Kind == TokenKind.End ? "end of expression" : token.Text;

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == TokenKind.Or)
        {
            Next();
            var right = ParseAnd();
            left = new LogicalExpr(false, left, right, left.Offset, right.Offset + right.Length - left.Offset);
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseUnary();
        while (Peek.Kind == TokenKind.And)
        {
            Next();
            var right = ParseUnary();
            left = new LogicalExpr(true, left, right, left.Offset, right.Offset + right.Length - left.Offset);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (Peek.Kind == TokenKind.Not)
        {
            var not = Next();
            var operand = ParseUnary();
            return new NotExpr(operand, not.Offset, operand.Offset + operand.Length - not.Offset);
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        if (Peek.Kind == TokenKind.LParen)
        {
            var open = Next();
            var inner = ParseOr();
            if (Peek.Kind != TokenKind.RParen) throw Fail("missing ')'", Peek.Kind == TokenKind.End ? open : Peek);
            Next();
            if (Peek.Kind == TokenKind.Compare) throw Fail("a parenthesised condition cannot be compared");
            return inner;
        }

        var first = ParseOperand();
        if (Peek.Kind != TokenKind.Compare) return first;

        var operands = new List<Expr> { first };
        var ops = new List<CompareOp>();
        while (Peek.Kind == TokenKind.Compare)
        {
            ops.Add(Next().Op);
            operands.Add(ParseOperand());
        }
        var last = operands[operands.Count - 1];
        return new CompareExpr(operands, ops, first.Offset, last.Offset + last.Length - first.Offset);
    }

    private Expr ParseOperand()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return token.Number!;
            case TokenKind.Name:
                if (token.Text == "true") return new BoolExpr(true, token.Offset, token.Length);
                if (token.Text == "false") return new BoolExpr(false, token.Offset, token.Length);
                var dot = token.Text.IndexOf('.');
                return dot < 0
                    ? new NameExpr(token.Text, null, token.Offset, token.Length)
                    : new NameExpr(token.Text.Substring(0, dot), token.Text.Substring(dot + 1), token.Offset, token.Length);
            case TokenKind.End:
                throw Fail("the expression ends where a name or value is expected", token);
            default:
                throw Fail($"expected a name or value, found '{token.Text}'", token);
        }
    }

    private ExpressionError? Tokenize(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.')) i++;
                var name = text.Substring(start, i - start);
                if (name.EndsWith(".", StringComparison.Ordinal) || name.IndexOf('.') != name.LastIndexOf('.'))
                {
                    return new ExpressionError($"'{name}' is not a name; use Name or Name.Member", start, i - start);
                }
                _tokens.Add(new Token(TokenKind.Name, start, i - start, name));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var length = QuantityParser.NumberLength(text, i);
                var value = double.Parse(text.Substring(i, length), NumberStyles.Float, CultureInfo.InvariantCulture);
                i += length;
                var (unit, unitText, end) = ReadUnit(text, i);
                i = end;
                _tokens.Add(new Token(TokenKind.Number, start, i - start, text.Substring(start, i - start),
                    number: new NumberExpr(value, unit, unitText, start, i - start)));
                continue;
            }
            switch (c)
            {
                case '&' when At(text, i, "&&"): _tokens.Add(new Token(TokenKind.And, i, 2, "&&")); i += 2; continue;
                case '|' when At(text, i, "||"): _tokens.Add(new Token(TokenKind.Or, i, 2, "||")); i += 2; continue;
                case '!': _tokens.Add(new Token(TokenKind.Not, i, 1, "!")); i++; continue;
                case '(': _tokens.Add(new Token(TokenKind.LParen, i, 1, "(")); i++; continue;
                case ')': _tokens.Add(new Token(TokenKind.RParen, i, 1, ")")); i++; continue;
                case '+': _tokens.Add(new Token(TokenKind.Plus, i, 1, "+")); i++; continue;
                case '-': _tokens.Add(new Token(TokenKind.Minus, i, 1, "-")); i++; continue;
                case '<' when At(text, i, "<="): _tokens.Add(new Token(TokenKind.Compare, i, 2, "<=", CompareOp.LessOrEqual)); i += 2; continue;
                case '>' when At(text, i, ">="): _tokens.Add(new Token(TokenKind.Compare, i, 2, ">=", CompareOp.GreaterOrEqual)); i += 2; continue;
                case '<': _tokens.Add(new Token(TokenKind.Compare, i, 1, "<", CompareOp.Less)); i++; continue;
                case '>': _tokens.Add(new Token(TokenKind.Compare, i, 1, ">", CompareOp.Greater)); i++; continue;
            }
            var hint = c == '=' ? " (conditions compare with <, <=, > or >=)" : c is '&' or '|' ? $" (did you mean '{c}{c}'?)" : "";
            return new ExpressionError($"unexpected character '{c}'{hint}", i, 1);
        }
        _tokens.Add(new Token(TokenKind.End, text.Length, 0));
        return null;
    }

    private static bool At(string text, int i, string what) =>
        string.CompareOrdinal(text, i, what, 0, what.Length) == 0;

    /// <summary>Reads a unit symbol after a number (spaces allowed between), if one follows.</summary>
    private static (UnitInfo? Unit, string Text, int End) ReadUnit(string text, int i)
    {
        var j = i;
        while (j < text.Length && text[j] == ' ') j++;
        var start = j;
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] == '°' || text[j] == '%')) j++;
        if (j == start) return (null, "", i);
        var symbol = text.Substring(start, j - start);
        var unit = UnitInfo.Find(symbol);
        // A following name (e.g. "3 Volts" or "5 and") is reported as an unknown unit by the binder.
        return (unit, symbol, j);
    }
}
