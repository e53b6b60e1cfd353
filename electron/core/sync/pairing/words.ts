/**
 * 256 short, common English words with distinct first four letters, so a pairing code is easy to read
 * aloud and type, and each word carries 8 bits.
 */
export const PAIRING_WORDS: readonly string[] = [
  'able', 'afraid', 'agree', 'ahead', 'alive', 'almost', 'alone', 'answer', 'anyone', 'anyway', 'area',
  'arrow', 'atlas', 'beat', 'become', 'behind', 'black', 'boat', 'body', 'book', 'born', 'both', 'bought',
  'break', 'broke', 'busy', 'cannot', 'case', 'catch', 'caught', 'cause', 'change', 'check', 'child',
  'choice', 'city', 'clear', 'close', 'coffee', 'cold', 'cool', 'copper', 'couple', 'court', 'crane',
  'daisy', 'dance', 'dark', 'date', 'dawn', 'deal', 'dear', 'dinner', 'doctor', 'dream', 'drive', 'drop',
  'drum', 'each', 'easy', 'either', 'entire', 'excuse', 'expect', 'face', 'fact', 'fall', 'fast', 'fault',
  'feet', 'felt', 'fiber', 'figure', 'finish', 'fire', 'five', 'floor', 'follow', 'food', 'forget', 'four',
  'free', 'front', 'frost', 'full', 'funny', 'future', 'game', 'garden', 'gave', 'given', 'glad', 'gone',
  'ground', 'hair', 'half', 'hand', 'hang', 'happy', 'harbor', 'hazel', 'heart', 'high', 'hold', 'honey',
  'hope', 'hour', 'human', 'hurry', 'husky', 'inside', 'jacket', 'jolly', 'kept', 'known', 'lady', 'land',
  'later', 'lead', 'learn', 'least', 'lemon', 'light', 'line', 'listen', 'longer', 'lose', 'lost', 'luck',
  'maple', 'meant', 'middle', 'mine', 'minute', 'moment', 'month', 'mouth', 'move', 'movie', 'myself',
  'near', 'nobody', 'number', 'office', 'once', 'open', 'order', 'paid', 'pain', 'part', 'past', 'person',
  'phone', 'pick', 'piece', 'plan', 'play', 'pocket', 'point', 'poor', 'power', 'pretty', 'proud', 'pull',
  'quiet', 'quite', 'rather', 'read', 'reason', 'report', 'rest', 'return', 'ride', 'road', 'round', 'safe',
  'save', 'school', 'second', 'secret', 'seem', 'sell', 'send', 'sense', 'sent', 'shall', 'shell', 'ship',
  'shore', 'shut', 'side', 'sign', 'silver', 'since', 'single', 'sister', 'sleep', 'small', 'song', 'soon',
  'sort', 'sound', 'speak', 'spend', 'stand', 'state', 'step', 'story', 'street', 'strong', 'studio',
  'stuff', 'such', 'swan', 'sweet', 'system', 'table', 'taken', 'team', 'test', 'though', 'throw', 'till',
  'touch', 'town', 'train', 'true', 'trust', 'truth', 'turn', 'uncle', 'under', 'until', 'voice', 'walk',
  'watch', 'water', 'wear', 'week', 'weird', 'whale', 'wheat', 'while', 'white', 'willow', 'wish', 'wonder',
  'wool', 'word', 'worry', 'worse', 'worth', 'write', 'year', 'yogurt', 'young',
];
