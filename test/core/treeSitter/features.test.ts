import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService, TextDocumentInput } from '../../../core';
import { preparedService } from './helpers';

function apply(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('Python and PHP through the service', () => {
  test('before prepare(), a Python document gets nothing and nothing throws', () => {
    const service = createLanguageService(); // no loadGrammar: the host gave no grammar
    const analysis = service.analyze({ uri: 'a.py', languageId: 'python', text: 'requests.post("https://ivs.idenfy.com/api/v2/token", json={"tokenType": "X"})' });
    assert.equal(analysis.kind, 'python');
    assert.deepEqual(analysis.findings, []);
  });

  test('quick fixes write Python: True/False/None, quoted keys', async () => {
    const service = await preparedService();
    const text = 'import requests\nrequests.post("https://ivs.idenfy.com/api/v2/token", json={"clientID": "u1", "tokenType": "document"})\n';
    const document: TextDocumentInput = { uri: 'fix.py', languageId: 'python', text };
    const analysis = service.analyze(document);
    assert.deepEqual(analysis.findings.map((f) => f.code).sort(), ['BAD_VALUE', 'MISSING_VALUE', 'unknown-field'].sort());
    const all = service.codeActions(document, analysis, { start: 0, end: text.length });
    const rename = all.find((a) => /Rename 'clientID' to 'clientId'/.test(a.title));
    assert.ok(rename, all.map((a) => a.title).join(', '));
    assert.match(apply(text, rename.edits), /json=\{"clientId": "u1"/);
    const replace = all.find((a) => a.title.includes('"DOCUMENT"'));
    assert.ok(replace);
    assert.match(apply(text, replace.edits), /"tokenType": "DOCUMENT"/);
  });

  test('completion in a Python dict proposes quoted keys; in a PHP array `=>`', async () => {
    const service = await preparedService();
    const py = 'import requests\nrequests.post("https://ivs.idenfy.com/api/v2/token", json={"clientId": "u1", })\n';
    const pyDoc = { uri: 'c.py', languageId: 'python', text: py };
    const pySuggestions = service.complete(pyDoc, service.analyze(pyDoc), py.indexOf(', }') + 2);
    const locale = pySuggestions.find((s) => s.label === 'locale');
    assert.ok(locale, pySuggestions.map((s) => s.label).join(','));
    assert.match(locale.insertText, /^"locale": /);

    const php = "<?php\n$client->post('https://ivs.idenfy.com/api/v2/token', ['json' => ['clientId' => 'u1', ]]);\n";
    const phpDoc = { uri: 'c.php', languageId: 'php', text: php };
    const phpSuggestions = service.complete(phpDoc, service.analyze(phpDoc), php.indexOf(', ]') + 2);
    const phpLocale = phpSuggestions.find((s) => s.label === 'locale');
    assert.ok(phpLocale, phpSuggestions.map((s) => s.label).join(','));
    assert.match(phpLocale.insertText, /^'locale' => /);
  });

  test('the send command gets the literal as JSON, computed values as unknowns', async () => {
    const service = await preparedService();
    const text =
      "<?php\nwp_remote_post('https://ivs.idenfy.com/api/v2/token', ['body' => wp_json_encode(array('clientId' => $user->ID, 'showInstructions' => FALSE, 'documents' => ['PASSPORT'], 'country' => null))]);\n";
    const document = { uri: 'send.php', languageId: 'php', text };
    const result = service.payloadAt(document, service.analyze(document), text.indexOf("'clientId'"));
    assert.equal(result.found, true);
    assert.deepEqual(result.value, { clientId: null, showInstructions: false, documents: ['PASSPORT'], country: null });
    assert.deepEqual(
      result.unknowns.map((u) => u.path),
      ['clientId'],
    );
  });

  test('an edit re-parses incrementally and gives what a fresh parse gives', async () => {
    const service = await preparedService();
    const base =
      'import httpx\nURL = "https://ivs.idenfy.com/api/v2/token"\nasync def f(c):\n    async with httpx.AsyncClient() as client:\n        await client.post(URL, json={"clientId": c, "sessionLength": 60})\n';
    service.analyze({ uri: 'inc.py', languageId: 'python', text: base });
    const edited = base.replace('60', '59');
    const incremental = service.analyze({ uri: 'inc.py', languageId: 'python', text: edited });
    const fresh = service.analyze({ uri: 'fresh.py', languageId: 'python', text: edited });
    assert.deepEqual(
      incremental.findings.map((f) => [f.code, f.start]),
      fresh.findings.map((f) => [f.code, f.start]),
    );
    assert.deepEqual(
      incremental.findings.map((f) => f.code),
      ['BAD_VALUE'],
    );
    assert.equal(incremental.payloads[0].via, 'httpx.AsyncClient.post');
  });

  test('unknown values stay unknown; URLs that may be another API are not claimed', async () => {
    const service = await preparedService();
    const cases = [
      'import requests\ndef f(url):\n    requests.post(url, json={"tokenType": "X"})\n# idenfy token\n',
      'import requests\nBASE = "https://ivs.idenfy.com"\nBASE = other()\nrequests.post(BASE + "/api/v2/token", json={"tokenType": "X"})\n',
      'import requests\nrequests.post(os.environ["IDENFY_URL"], json={"tokenType": "X"})  # idenfy token\n',
      'import requests\nrequests.post("https://ivs.idenfy.com/api/v2/token", data={"tokenType": "X"})\n',
    ];
    for (const text of cases) assert.deepEqual(service.analyze({ uri: 'n.py', languageId: 'python', text }).payloads, [], text);
    const computed = service.analyze({
      uri: 'u.py',
      languageId: 'python',
      text: 'import requests\nrequests.post("https://ivs.idenfy.com/api/v2/token", json={"clientId": uid, "tokenType": kind, "expiryTime": 10 * 60})\n',
    });
    assert.equal(computed.payloads.length, 1);
    assert.deepEqual(computed.findings, []);
  });
});

describe('"Write iDenfy error handling" in Python and PHP', () => {
  test('offered on a detected request, appending the generated function in the language of the file', async () => {
    const service = await preparedService();
    for (const [uri, languageId, text, name] of [
      ['kyc.py', 'python', 'import requests\nrequests.post("https://ivs.idenfy.com/api/v2/token", json={"clientId": "u1"})\n', 'def create_idenfy_token('],
      ['kyc.php', 'php', "<?php\n$client->post('https://ivs.idenfy.com/api/v2/token', ['json' => ['clientId' => 'u1']]);\n", 'function createIdenfyToken('],
    ] as const) {
      const document: TextDocumentInput = { uri, languageId, text };
      const analysis = service.analyze(document);
      assert.equal(analysis.payloads.length, 1, uri);
      const at = text.indexOf('clientId');
      const [action] = service.codeActions(document, analysis, { start: at, end: at }).filter((a) => a.kind === 'refactor');
      assert.ok(action, uri);
      assert.equal(action.edits[0].start, text.length);
      assert.ok(action.edits[0].newText.includes(name), uri);
    }
  });
});

describe('the code around a Python or PHP token request', () => {
  async function check(uri: string, languageId: string, text: string) {
    const service = await preparedService();
    const document: TextDocumentInput = { uri, languageId, text };
    const analysis = service.analyze(document);
    return { service, document, analysis, findings: analysis.findings.filter((f) => f.code === 'success-status' || f.code === 'unknown-identifier') };
  }

  test('Python: `status_code != 200` on the token response is warned, and the fix accepts 200 and 201', async () => {
    const text =
      'import requests\n\ndef start(user_id):\n    response = requests.post("https://ivs.idenfy.com/api/v2/token", json={"clientId": user_id})\n    if response.status_code != 200:\n        raise Exception(response.text)\n    if err["identifier"] == "BAD_VALUES":\n        pass\n';
    const { service, document, analysis, findings } = await check('kyc.py', 'python', text);
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [
        ['success-status', 'response.status_code != 200'],
        ['unknown-identifier', '"BAD_VALUES"'],
      ],
    );
    const at = text.indexOf('response.status_code');
    const fix = service.codeActions(document, analysis, { start: at, end: at }).find((a) => a.kind === 'quickfix')!;
    assert.equal(fix.edits[0].newText, 'response.status_code not in (200, 201)');
    const fixed = text.slice(0, fix.edits[0].start) + fix.edits[0].newText + text.slice(fix.edits[0].end);
    assert.deepEqual(
      (await check('kyc.py', 'python', fixed)).findings.map((f) => f.code),
      ['unknown-identifier'],
    );
  });

  test('PHP: `getStatusCode() !== 200` is warned; a test that also accepts 201, or another variable, is not', async () => {
    const text =
      "<?php\nfunction start($client, $other) {\n  $response = $client->post('https://ivs.idenfy.com/api/v2/token', ['json' => ['clientId' => 'u1']]);\n  if ($response->getStatusCode() !== 200) { throw new Exception(); }\n  if ($response->getStatusCode() !== 200 && $response->getStatusCode() !== 201) {}\n  if ($other->getStatusCode() !== 200) {}\n  if ($body['identifier'] === 'RATE_LIMIT') {}\n}\n";
    const { findings } = await check('kyc.php', 'php', text);
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [
        ['success-status', '$response->getStatusCode() !== 200'],
        ['unknown-identifier', "'RATE_LIMIT'"],
      ],
    );
    assert.match(findings[1].message, /TOO_MANY_REQUESTS/);
  });

  // The comparisons are found from where the text quotes `identifier` (responseChecks.ts): every way of writing the
  // access and the string, and the look-alikes that are not a comparison of one.
  test('Python: every written form of an identifier comparison, and none of the look-alikes', async () => {
    const text = [
      'def handle(err, other):',
      '    # the "identifier" field of an iDenfy token error, compared below',
      '    if err["identifier"] == "BAD_ONE": pass',
      '    if "BAD_TWO" != err["identifier"]: pass',
      "    if err.get('identifier') == 'BAD_THREE': pass",
      '    if err[r"identifier"] == "BAD_FOUR": pass',
      "    if err['''identifier'''] == 'BAD_FIVE': pass",
      '    if (err["identifier"] == "BAD_SIX") and other: pass',
      '    if err["identifier"] == other["identifier"]: pass',
      '    if err["identifier"] in ("BAD_SEVEN",): pass',
      '    if "BAD_EIGHT" == err["identifier"] == "BAD_NINE": pass',
      '    if err["identifier"] == "MISSING_VALUE": pass',
      '    message = "identifier"',
      '',
    ].join('\n');
    const { findings } = await check('handle.py', 'python', text);
    assert.deepEqual(
      findings.map((f) => text.slice(f.start, f.end)),
      ['"BAD_ONE"', '"BAD_TWO"', "'BAD_THREE'", '"BAD_FOUR"', "'BAD_FIVE'", '"BAD_SIX"'],
    );
  });

  test('PHP: every written form of an identifier comparison, and none of the look-alikes', async () => {
    const text = [
      '<?php',
      'function handle($e, $other) {',
      "  // the 'identifier' field of an iDenfy token error",
      "  if ($e['identifier'] === 'BAD_ONE') {}",
      '  if ("BAD_TWO" == $e["identifier"]) {}',
      '  if ($e[\'identifier\'] !== "BAD_THREE" && $other) {}',
      "  if ($e['identifier'] === $other['identifier']) {}",
      "  if ($e['identifier'] === 'MISSING_VALUE') {}",
      "  $x = 'identifier';",
      '}',
      '',
    ].join('\n');
    const { findings } = await check('handle.php', 'php', text);
    assert.deepEqual(
      findings.map((f) => text.slice(f.start, f.end)),
      ["'BAD_ONE'", '"BAD_TWO"', '"BAD_THREE"'],
    );
  });
});
