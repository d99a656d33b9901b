//! Segmentation formulas: `UNIQUES(A)`, `TOTALS(A)`, `PROPCOUNT(A)`,
//! `PROPSUM(A)`, `PROPAVG(A)`, numbers, `+ - * /` and parentheses.

use crate::error::{AnalyticsResult, invalid};
use crate::query::EventSeries;

const FIELD: &str = "measure.formula";
const TEXT_CHARS_MAX: usize = 500;
const DEPTH_MAX: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormulaFunction {
    Uniques,
    Totals,
    /// Distinct values of the property the series is grouped by.
    PropCount,
    PropSum,
    PropAvg,
}

impl FormulaFunction {
    fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_uppercase().as_str() {
            "UNIQUES" => Some(Self::Uniques),
            "TOTALS" => Some(Self::Totals),
            "PROPCOUNT" => Some(Self::PropCount),
            "PROPSUM" => Some(Self::PropSum),
            "PROPAVG" => Some(Self::PropAvg),
            _ => None,
        }
    }

    /// Whether the function reads the series' group-by property.
    pub fn needs_group_property(self) -> bool {
        matches!(self, Self::PropCount | Self::PropSum | Self::PropAvg)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum FormulaNode {
    Number(f64),
    Call { function: FormulaFunction, series: usize },
    Negate(Box<FormulaNode>),
    Binary { operator: char, left: Box<FormulaNode>, right: Box<FormulaNode> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub root: FormulaNode,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Name(String),
    Symbol(char),
}

fn tokenize(text: &str) -> AnalyticsResult<Vec<Token>> {
    let characters: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut position = 0;
    while let Some(&character) = characters.get(position) {
        if character.is_whitespace() {
            position += 1;
        } else if character.is_ascii_digit() || character == '.' {
            let start = position;
            while characters.get(position).is_some_and(|next| next.is_ascii_digit() || *next == '.') {
                position += 1;
            }
            let number: String = characters[start..position].iter().collect();
            let value = number.parse().map_err(|_| invalid(FIELD, format!("{number:?} is not a number")))?;
            tokens.push(Token::Number(value));
        } else if character.is_ascii_alphabetic() {
            let start = position;
            while characters.get(position).is_some_and(char::is_ascii_alphabetic) {
                position += 1;
            }
            tokens.push(Token::Name(characters[start..position].iter().collect()));
        } else if "+-*/()".contains(character) {
            tokens.push(Token::Symbol(character));
            position += 1;
        } else {
            return Err(invalid(FIELD, format!("unexpected {character:?} at position {}", position + 1)));
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    position: usize,
    series: &'a [EventSeries],
    depth: usize,
}

impl Parser<'_> {
    fn peek_symbol(&self) -> Option<char> {
        match self.tokens.get(self.position) {
            Some(Token::Symbol(symbol)) => Some(*symbol),
            _ => None,
        }
    }

    fn expect_symbol(&mut self, expected: char) -> AnalyticsResult<()> {
        if self.peek_symbol() == Some(expected) {
            self.position += 1;
            Ok(())
        } else {
            Err(invalid(FIELD, format!("expected '{expected}'")))
        }
    }

    fn expression(&mut self) -> AnalyticsResult<FormulaNode> {
        self.depth += 1;
        if self.depth > DEPTH_MAX {
            return Err(invalid(FIELD, "the formula nests too deeply"));
        }
        let mut left = self.term()?;
        while let Some(operator @ ('+' | '-')) = self.peek_symbol() {
            self.position += 1;
            let right = self.term()?;
            left = FormulaNode::Binary { operator, left: Box::new(left), right: Box::new(right) };
        }
        self.depth -= 1;
        Ok(left)
    }

    fn term(&mut self) -> AnalyticsResult<FormulaNode> {
        let mut left = self.factor()?;
        while let Some(operator @ ('*' | '/')) = self.peek_symbol() {
            self.position += 1;
            let right = self.factor()?;
            left = FormulaNode::Binary { operator, left: Box::new(left), right: Box::new(right) };
        }
        Ok(left)
    }

    fn factor(&mut self) -> AnalyticsResult<FormulaNode> {
        let token = self.tokens.get(self.position).cloned();
        self.position += 1;
        match token {
            Some(Token::Number(value)) => Ok(FormulaNode::Number(value)),
            Some(Token::Symbol('-')) => Ok(FormulaNode::Negate(Box::new(self.factor()?))),
            Some(Token::Symbol('(')) => {
                let inner = self.expression()?;
                self.expect_symbol(')')?;
                Ok(inner)
            }
            Some(Token::Name(name)) => self.call(&name),
            Some(other) => Err(invalid(FIELD, format!("unexpected {other:?}"))),
            None => Err(invalid(FIELD, "the formula ends too early")),
        }
    }

    fn call(&mut self, name: &str) -> AnalyticsResult<FormulaNode> {
        let function = FormulaFunction::from_name(name).ok_or_else(|| {
            invalid(FIELD, format!("unknown function {name}; use UNIQUES, TOTALS, PROPCOUNT, PROPSUM or PROPAVG"))
        })?;
        self.expect_symbol('(')?;
        let letter = match self.tokens.get(self.position) {
            Some(Token::Name(letter)) if letter.len() == 1 => letter.to_ascii_uppercase(),
            _ => return Err(invalid(FIELD, format!("{name}( takes a series letter, e.g. {name}(A)"))),
        };
        self.position += 1;
        self.expect_symbol(')')?;
        let series = usize::from(letter.as_bytes()[0].saturating_sub(b'A'));
        let Some(event_series) = self.series.get(series) else {
            return Err(invalid(FIELD, format!("there is no series {letter}")));
        };
        if function.needs_group_property() && event_series.group_by.is_empty() {
            return Err(invalid(FIELD, format!("{name}({letter}) needs series {letter} grouped by a property")));
        }
        Ok(FormulaNode::Call { function, series })
    }
}

impl Formula {
    pub fn parse(text: &str, series: &[EventSeries]) -> AnalyticsResult<Formula> {
        if text.trim().is_empty() || text.len() > TEXT_CHARS_MAX {
            return Err(invalid(FIELD, format!("write a formula of 1 to {TEXT_CHARS_MAX} characters")));
        }
        let mut parser = Parser { tokens: tokenize(text)?, position: 0, series, depth: 0 };
        let root = parser.expression()?;
        if parser.position != parser.tokens.len() {
            return Err(invalid(FIELD, "unexpected text after the formula"));
        }
        Ok(Formula { root })
    }

    /// Every (function, series) the formula reads.
    pub fn calls(&self) -> Vec<(FormulaFunction, usize)> {
        fn walk(node: &FormulaNode, found: &mut Vec<(FormulaFunction, usize)>) {
            match node {
                FormulaNode::Number(_) => {}
                FormulaNode::Call { function, series } => found.push((*function, *series)),
                FormulaNode::Negate(inner) => walk(inner, found),
                FormulaNode::Binary { left, right, .. } => {
                    walk(left, found);
                    walk(right, found);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.root, &mut found);
        found
    }

    /// Evaluates with `metric(function, series)`; division by zero gives 0.
    pub fn evaluate(&self, metric: &dyn Fn(FormulaFunction, usize) -> f64) -> f64 {
        fn walk(node: &FormulaNode, metric: &dyn Fn(FormulaFunction, usize) -> f64) -> f64 {
            match node {
                FormulaNode::Number(value) => *value,
                FormulaNode::Call { function, series } => metric(*function, *series),
                FormulaNode::Negate(inner) => -walk(inner, metric),
                FormulaNode::Binary { operator, left, right } => {
                    let (left, right) = (walk(left, metric), walk(right, metric));
                    match operator {
                        '+' => left + right,
                        '-' => left - right,
                        '*' => left * right,
                        _ if right == 0.0 => 0.0,
                        _ => left / right,
                    }
                }
            }
        }
        walk(&self.root, metric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{PropertyRef, PropertyScope};

    fn series(grouped: bool) -> Vec<EventSeries> {
        let group_by =
            if grouped { vec![PropertyRef { scope: PropertyScope::Event, name: "p".into() }] } else { vec![] };
        vec![
            EventSeries { event_type: "a".into(), filters: vec![], group_by },
            EventSeries { event_type: "b".into(), filters: vec![], group_by: vec![] },
        ]
    }

    #[test]
    fn precedence_parentheses_and_division_by_zero() {
        let metric = |function: FormulaFunction, series: usize| match (function, series) {
            (FormulaFunction::Uniques, 0) => 4.0,
            (FormulaFunction::Totals, 1) => 10.0,
            _ => 0.0,
        };
        let evaluate = |text: &str| Formula::parse(text, &series(false)).unwrap().evaluate(&metric);
        assert_eq!(evaluate("UNIQUES(A) + TOTALS(B) * 2"), 24.0);
        assert_eq!(evaluate("(uniques(a) + totals(b)) * 2"), 28.0);
        assert_eq!(evaluate("-UNIQUES(A) / 2"), -2.0);
        assert_eq!(evaluate("TOTALS(B) / UNIQUES(B)"), 0.0);
        assert_eq!(evaluate("UNIQUES(A) / TOTALS(B) * 100"), 40.0);
    }

    #[test]
    fn errors_name_the_problem() {
        let error = |text: &str, grouped: bool| Formula::parse(text, &series(grouped)).unwrap_err().to_string();
        assert!(error("UNIQUES(C)", false).contains("no series C"));
        assert!(error("PROPCOUNT(A)", false).contains("grouped by a property"));
        assert!(error("MEDIAN(A)", false).contains("unknown function"));
        assert!(error("UNIQUES(A) +", false).contains("ends too early"));
        assert!(error("UNIQUES(A) )", false).contains("after the formula"));
        assert!(error("UNIQUES(A) % 2", false).contains("unexpected '%'"));
        assert!(Formula::parse("PROPCOUNT(A)", &series(true)).is_ok());
    }
}
